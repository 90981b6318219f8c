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
        // TODO 4: Korean text (any code point whose Character.UnicodeScript is HANGUL) gets KOREAN_VOICE, any
        //         other text ENGLISH_VOICE. The app setting SPEECH_VOICE, when set, wins:
        //         Settings.optional("SPEECH_VOICE", ...).
        return ENGLISH_VOICE;
    }

    /** {@code <speak>} with one {@code <voice>}; the text is escaped, so {@code <&>} is spoken, not parsed. */
    static String of(String text, String voice) {
        Matcher locale = LOCALE.matcher(voice);
        String language = locale.find() ? locale.group() : "en-US";
        return "<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"" + language + "\">"
                + "<voice name=\"" + escape(voice) + "\">" + escape(text) + "</voice></speak>";
    }

    static String escape(String text) {
        // TODO 4: XML-escape the text, so that a message such as "Tom & Jerry <3" is spoken, not parsed:
        //         & becomes &amp;  < becomes &lt;  > becomes &gt;  " becomes &quot;  ' becomes &apos;
        return text;
    }
}
