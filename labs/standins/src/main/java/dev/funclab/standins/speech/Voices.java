package dev.funclab.standins.speech;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The voices of the stand-in: a few of Azure's Korean and English neural voices. Each speaks with
 * eSpeak NG's voice for its language and a variant (eSpeak's {@code !v} folder, present in both the
 * Debian package and the npm WebAssembly build) for its gender, so that two voices of one language
 * sound different.
 */
public final class Voices {

    private static final List<Voice> ALL = List.of(
            new Voice("ko-KR-SunHiNeural", "ko-KR", "Female", "SunHi", "선히", "ko+f3"),
            new Voice("ko-KR-InJoonNeural", "ko-KR", "Male", "InJoon", "인준", "ko+m3"),
            new Voice("ko-KR-HyunsuNeural", "ko-KR", "Male", "Hyunsu", "현수", "ko+m1"),
            new Voice("en-US-JennyNeural", "en-US", "Female", "Jenny", "Jenny", "en-us+f3"),
            new Voice("en-US-AriaNeural", "en-US", "Female", "Aria", "Aria", "en-us+f4"),
            new Voice("en-US-GuyNeural", "en-US", "Male", "Guy", "Guy", "en-us+m3"),
            new Voice("en-GB-SoniaNeural", "en-GB", "Female", "Sonia", "Sonia", "en-gb+f3"),
            new Voice("en-GB-RyanNeural", "en-GB", "Male", "Ryan", "Ryan", "en-gb+m3"));

    /** Azure's names for the locales (the JDK says "Korean (South Korea)"; Azure says "Korean (Korea)"). */
    private static final Map<String, String> LOCALE_NAMES = Map.of(
            "ko-KR", "Korean (Korea)",
            "en-US", "English (United States)",
            "en-GB", "English (United Kingdom)");

    private Voices() {
    }

    public static List<Voice> all() {
        return ALL;
    }

    /** The voice with this short name ({@code en-US-JennyNeural}), in any letter case. */
    public static Optional<Voice> byName(String shortName) {
        return ALL.stream().filter(voice -> voice.shortName().equalsIgnoreCase(shortName)).findFirst();
    }

    /**
     * The voice an SSML {@code <voice name="...">} means: its short name, or the long name Azure lists
     * ({@code Microsoft Server Speech Text to Speech Voice (en-US, JennyNeural)}), which Azure accepts too.
     */
    static Optional<Voice> named(String name) {
        String trimmed = name == null ? "" : name.trim();
        return byName(trimmed).or(() -> ALL.stream().filter(voice -> voice.name().equalsIgnoreCase(trimmed)).findFirst());
    }

    /** The language and region in English, as Azure's voice list gives them. */
    static String localeName(String locale) {
        return LOCALE_NAMES.getOrDefault(locale, Locale.forLanguageTag(locale).getDisplayName(Locale.ENGLISH));
    }
}
