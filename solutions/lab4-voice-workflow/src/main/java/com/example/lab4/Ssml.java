package com.example.lab4;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SSML document the Speech service reads: which voice says what. */
final class Ssml {

    static final String KOREAN_VOICE = "ko-KR-SunHiNeural";
    static final String ENGLISH_VOICE = "en-US-JennyNeural";
    /** A voice's name starts with its locale: {@code ko-KR-SunHiNeural}. */
    private static final Pattern LOCALE = Pattern.compile("^[a-z]{2,3}-[A-Z]{2}");

    private Ssml() {
    }

    /** Korean text gets a Korean voice, anything else an English one; app setting SPEECH_VOICE overrides both. */
    static String voiceFor(String text) {
        boolean korean = text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
        return Settings.optional("SPEECH_VOICE", korean ? KOREAN_VOICE : ENGLISH_VOICE);
    }

    /** {@code <speak>} with one {@code <voice>}; the text is escaped, so {@code <&>} is spoken, not parsed. */
    static String of(String text, String voice) {
        Matcher locale = LOCALE.matcher(voice);
        String language = locale.find() ? locale.group() : "en-US";
        return "<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"" + language + "\">"
                + "<voice name=\"" + escape(voice) + "\">" + escape(text) + "</voice></speak>";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    // XML has no way to write other control characters: a message holding one is spoken without it.
                    boolean allowed = c >= ' ' ? c != '\uFFFE' && c != '\uFFFF' : c == '\t' || c == '\n' || c == '\r';
                    if (allowed) {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
