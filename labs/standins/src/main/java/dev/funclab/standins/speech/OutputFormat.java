package dev.funclab.standins.speech;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code X-Microsoft-OutputFormat} values the stand-in speaks: Azure's RIFF formats of 16-bit mono PCM. */
enum OutputFormat {
    RIFF_8KHZ("riff-8khz-16bit-mono-pcm", 8_000),
    RIFF_16KHZ("riff-16khz-16bit-mono-pcm", 16_000),
    RIFF_22050HZ("riff-22050hz-16bit-mono-pcm", 22_050),
    RIFF_24KHZ("riff-24khz-16bit-mono-pcm", 24_000),
    RIFF_44100HZ("riff-44100hz-16bit-mono-pcm", 44_100),
    RIFF_48KHZ("riff-48khz-16bit-mono-pcm", 48_000);

    static final String HEADER = "X-Microsoft-OutputFormat";
    /** What Azure answers RIFF formats with. */
    static final String CONTENT_TYPE = "audio/x-wav";

    private final String value;
    private final int sampleRate;

    OutputFormat(String value, int sampleRate) {
        this.value = value;
        this.sampleRate = sampleRate;
    }

    String value() {
        return value;
    }

    int sampleRate() {
        return sampleRate;
    }

    static Optional<OutputFormat> of(String header) {
        String wanted = header == null ? "" : header.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> format.value.equals(wanted)).findFirst();
    }

    static String supported() {
        return Arrays.stream(values()).map(OutputFormat::value).collect(Collectors.joining(", "));
    }
}
