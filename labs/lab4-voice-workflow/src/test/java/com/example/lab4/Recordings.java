package com.example.lab4;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** A WAV file as the JDK's sound API reads it: its format and how long it plays. */
record Recordings(AudioFormat format, double seconds) {

    static Recordings read(byte[] wav, String what) {
        if (wav.length < 12 || !new String(wav, 0, 4).equals("RIFF") || !new String(wav, 8, 4).equals("WAVE")) {
            throw new AssertionError(what + " is not a RIFF WAVE file (it starts with '"
                    + new String(wav, 0, Math.min(wav.length, 12)).replaceAll("[^ -~]", "?") + "', " + wav.length + " bytes)");
        }
        try (AudioInputStream audio = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat format = audio.getFormat();
            return new Recordings(format, audio.getFrameLength() / (double) format.getFrameRate());
        } catch (UnsupportedAudioFileException | IOException e) {
            throw new AssertionError(what + " cannot be read as WAV audio: " + e.getMessage());
        }
    }
}
