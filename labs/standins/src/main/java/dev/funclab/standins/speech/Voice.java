package dev.funclab.standins.speech;

/**
 * An Azure neural voice the stand-in knows, and the eSpeak NG voice that speaks for it.
 *
 * @param shortName    what SSML names it by: {@code ko-KR-SunHiNeural}
 * @param locale       {@code ko-KR}
 * @param gender       {@code Female} or {@code Male}
 * @param displayName  {@code SunHi}
 * @param localName    the name in its own language: {@code 선히}
 * @param espeakVoice  an eSpeak NG voice with its variant: {@code ko+f3}
 */
public record Voice(String shortName, String locale, String gender, String displayName, String localName, String espeakVoice) {

    /** The long name Azure also lists: {@code Microsoft Server Speech Text to Speech Voice (ko-KR, SunHiNeural)}. */
    public String name() {
        return "Microsoft Server Speech Text to Speech Voice (" + locale + ", " + shortName.substring(locale.length() + 1) + ")";
    }
}
