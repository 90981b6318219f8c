package dev.funclab.standins.speech;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * RIFF WAVE in and out, with the JDK's javax.sound: reading an engine's WAV as 16-bit mono PCM at
 * the rate a client asked for ({@link Resampler} converts the rate), and writing PCM back as a WAV file.
 */
final class Wav {

    private Wav() {
    }

    /** Signed 16-bit little-endian mono PCM at {@code sampleRate}: what every format of the stand-in carries. */
    static AudioFormat pcm16Mono(int sampleRate) {
        return new AudioFormat(sampleRate, 16, 1, true, false);
    }

    /**
     * The samples of {@code wav} as 16-bit mono PCM at {@code sampleRate}, converted if the file has
     * another rate. A header that gives no length (espeak-ng {@code --stdout}) is read to the end.
     *
     * @throws SpeechEngineException when the bytes are not a WAV file javax.sound can read and convert
     */
    static byte[] samples(byte[] wav, int sampleRate) {
        AudioFormat target = pcm16Mono(sampleRate);
        try (AudioInputStream source = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            if (source.getFormat().matches(target)) {
                return evenLength(source.readAllBytes());
            }
            // javax.sound makes it 16-bit mono at its own rate; the rate is ours to change.
            int engineRate = Math.round(source.getFormat().getSampleRate());
            AudioFormat engineFormat = pcm16Mono(engineRate);
            if (!AudioSystem.isConversionSupported(engineFormat, source.getFormat())) {
                throw new SpeechEngineException("The engine's audio (" + source.getFormat() + ") cannot be converted to "
                        + engineFormat + " by javax.sound.");
            }
            try (AudioInputStream converted = source.getFormat().matches(engineFormat) ? source
                    : AudioSystem.getAudioInputStream(engineFormat, source)) {
                return Resampler.of(engineRate, sampleRate).convert(evenLength(converted.readAllBytes()));
            }
        } catch (UnsupportedAudioFileException e) {
            throw new SpeechEngineException("The engine's output is not a WAV file javax.sound can read ("
                    + e.getMessage() + "); it starts with " + Arrays.toString(Arrays.copyOf(wav, Math.min(12, wav.length))), e);
        } catch (IOException e) {
            throw new SpeechEngineException("Could not read the engine's WAV output: " + e.getMessage(), e);
        }
    }

    /** A RIFF WAVE file (44-byte header, then the data) holding 16-bit mono {@code samples} at {@code sampleRate}. */
    static byte[] file(byte[] samples, int sampleRate) {
        AudioFormat format = pcm16Mono(sampleRate);
        ByteArrayOutputStream out = new ByteArrayOutputStream(samples.length + 44);
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(samples), format,
                samples.length / format.getFrameSize())) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        }
        return out.toByteArray();
    }

    /** Whole frames only: a stream cut short may end in half a sample. */
    private static byte[] evenLength(byte[] bytes) {
        return bytes.length % 2 == 0 ? bytes : Arrays.copyOf(bytes, bytes.length - 1);
    }
}
