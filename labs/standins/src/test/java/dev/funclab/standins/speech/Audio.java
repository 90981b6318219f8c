package dev.funclab.standins.speech;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;

/** A WAV file as javax.sound reads it: the format, and how long it plays. */
record Audio(AudioFormat format, int frames) {

    static Audio of(byte[] wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            // Read to the end: espeak-ng --stdout writes a header that gives no length.
            int bytes = in.readAllBytes().length;
            return new Audio(in.getFormat(), bytes / in.getFormat().getFrameSize());
        }
    }

    double seconds() {
        return frames / format.getSampleRate();
    }

    boolean isPcm16Mono() {
        return format.getEncoding() == AudioFormat.Encoding.PCM_SIGNED && format.getSampleSizeInBits() == 16
                && format.getChannels() == 1 && !format.isBigEndian();
    }
}
