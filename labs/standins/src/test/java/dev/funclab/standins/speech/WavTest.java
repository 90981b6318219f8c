package dev.funclab.standins.speech;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Sample-rate conversion as the stand-in uses it: length and pitch survive, sound above the new Nyquist frequency does not. */
class WavTest {

    private static final int ENGINE_RATE = 22_050;

    @ParameterizedTest
    @ValueSource(ints = {8_000, 16_000, 22_050, 24_000, 44_100, 48_000})
    void convertsOneSecondOfToneToTheAskedRate(int rate) throws Exception {
        byte[] wav = Wav.file(tone(440, ENGINE_RATE, 1.0), ENGINE_RATE);

        byte[] samples = Wav.samples(wav, rate);

        int frames = samples.length / 2;
        assertThat(frames).as("one second at %d Hz", rate).isCloseTo(rate, within(rate / 100));
        // Counted over the middle half second (frames rate/4 to 3*rate/4), away from the filter's start and end.
        byte[] middle = Arrays.copyOfRange(samples, 2 * (rate / 4), 2 * (3 * rate / 4));
        assertThat(zeroCrossings(middle)).as("still a 440 Hz tone: 440 zero crossings in half a second").isCloseTo(440, within(4));
        Audio audio = Audio.of(Wav.file(samples, rate));
        assertThat(audio.format().getSampleRate()).isEqualTo((float) rate);
        assertThat(audio.isPcm16Mono()).isTrue();
    }

    @Test
    void soundAboveTheNewNyquistFrequencyIsFilteredOutNotFoldedBack() {
        // 6 kHz cannot be carried at 8 kHz (at most 4 kHz): it must vanish, not come back as a 2 kHz whistle.
        byte[] wav = Wav.file(tone(6_000, ENGINE_RATE, 1.0), ENGINE_RATE);

        byte[] samples = Wav.samples(wav, 8_000);

        assertThat(rms(samples)).isLessThan(rms(tone(6_000, ENGINE_RATE, 1.0)) * 0.05);
    }

    @ParameterizedTest
    @ValueSource(ints = {8_000, 16_000, 24_000})
    void soundTheNewRateCanCarryKeepsItsLevel(int rate) {
        byte[] wav = Wav.file(tone(1_000, ENGINE_RATE, 1.0), ENGINE_RATE);

        byte[] samples = Wav.samples(wav, rate);

        assertThat(rms(samples)).isCloseTo(rms(tone(1_000, ENGINE_RATE, 1.0)), within(rms(tone(1_000, ENGINE_RATE, 1.0)) * 0.02));
    }

    @Test
    void writesTheUsual44ByteHeader() {
        byte[] wav = Wav.file(tone(440, 16_000, 0.5), 16_000);

        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav, 0, 4)).isEqualTo("RIFF");
        assertThat(header.getInt(4)).isEqualTo(wav.length - 8);
        assertThat(new String(wav, 8, 8)).isEqualTo("WAVEfmt ");
        assertThat(header.getShort(20)).as("PCM").isEqualTo((short) 1);
        assertThat(header.getShort(22)).as("mono").isEqualTo((short) 1);
        assertThat(header.getInt(24)).isEqualTo(16_000);
        assertThat(header.getShort(34)).as("bits").isEqualTo((short) 16);
        assertThat(new String(wav, 36, 4)).isEqualTo("data");
        assertThat(header.getInt(40)).isEqualTo(wav.length - 44);
    }

    @Test
    void readsAHeaderThatGivesNoLengthToTheEnd() {
        // What espeak-ng --stdout writes: it cannot go back to fill in the sizes.
        byte[] pcm = tone(440, ENGINE_RATE, 0.5);
        byte[] wav = Wav.file(pcm, ENGINE_RATE);
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0x7ffff024).putInt(40, 0x7ffff000);

        assertThat(Wav.samples(wav, ENGINE_RATE)).isEqualTo(pcm);
        assertThat(Wav.samples(wav, 16_000).length / 2).isCloseTo(8_000, within(80));
    }

    /** 16-bit mono PCM of a sine wave. */
    static byte[] tone(double hertz, int rate, double seconds) {
        int frames = (int) (rate * seconds);
        ByteBuffer pcm = ByteBuffer.allocate(frames * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            pcm.putShort((short) Math.round(Math.sin(2 * Math.PI * hertz * i / rate) * 12_000));
        }
        return pcm.array();
    }

    private static double rms(byte[] pcm) {
        ByteBuffer samples = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
        double sum = 0;
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            sum += Math.pow(samples.getShort(i), 2);
        }
        return Math.sqrt(sum / (pcm.length / 2));
    }

    private static int zeroCrossings(byte[] pcm) {
        ByteBuffer samples = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
        int crossings = 0;
        short previous = samples.getShort(0);
        for (int i = 2; i + 1 < pcm.length; i += 2) {
            short sample = samples.getShort(i);
            if ((previous < 0) != (sample < 0)) {
                crossings++;
            }
            previous = sample;
        }
        return crossings;
    }
}
