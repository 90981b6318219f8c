package dev.funclab.standins.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sample-rate conversion of 16-bit mono PCM by windowed-sinc interpolation, with a low-pass at the lower of the two
 * Nyquist frequencies, so that sound the new rate cannot carry is filtered out instead of folding back as noise.
 * The JDK's own sinc converter does the same but builds its filter tables anew for every conversion, which cost more
 * than the speech engine itself; here the filter of a pair of rates is computed once and kept.
 */
final class Resampler {

    /** Zero crossings of the sinc on each side: the filter's length, and how steep its cut-off is. */
    private static final int ZERO_CROSSINGS = 16;
    /** Filter phases per input sample: the finest fraction of a sample an output sample is placed at. */
    private static final int PHASES = 512;
    /** The cut-off a little below the Nyquist frequency, where the filter's slope still lets a little through. */
    private static final double ROLLOFF = 0.95;
    private static final Map<Long, Resampler> BY_RATES = new ConcurrentHashMap<>();

    private final int from;
    private final int to;
    private final int halfTaps;
    /** {@code PHASES + 1} rows of {@code 2 * halfTaps} weights; row p is the filter for an offset of p / PHASES. */
    private final float[] filter;

    private Resampler(int from, int to) {
        this.from = from;
        this.to = to;
        // Going down, the cut-off moves down with the new Nyquist frequency and the filter widens by the same factor.
        double cutoff = ROLLOFF * Math.min(1.0, (double) to / from);
        this.halfTaps = (int) Math.ceil(ZERO_CROSSINGS / cutoff);
        this.filter = new float[(PHASES + 1) * 2 * halfTaps];
        for (int phase = 0; phase <= PHASES; phase++) {
            double offset = (double) phase / PHASES;
            double sum = 0;
            double[] row = new double[2 * halfTaps];
            for (int tap = 0; tap < row.length; tap++) {
                double distance = tap - (halfTaps - 1) - offset; // from the output sample to input sample tap
                row[tap] = cutoff * sinc(cutoff * distance) * blackman(distance / halfTaps);
                sum += row[tap];
            }
            for (int tap = 0; tap < row.length; tap++) {
                filter[phase * row.length + tap] = (float) (row[tap] / sum); // a steady level keeps its level
            }
        }
    }

    /** The converter from {@code from} Hz to {@code to} Hz, made on first use. */
    static Resampler of(int from, int to) {
        return BY_RATES.computeIfAbsent(((long) from << 32) | to, key -> new Resampler(from, to));
    }

    /** {@code pcm} (16-bit signed little-endian mono at the {@code from} rate) at the {@code to} rate. */
    byte[] convert(byte[] pcm) {
        ShortBufferView in = new ShortBufferView(pcm);
        int outFrames = (int) ((long) in.frames * to / from);
        ByteBuffer out = ByteBuffer.allocate(outFrames * 2).order(ByteOrder.LITTLE_ENDIAN);
        int width = 2 * halfTaps;
        for (int n = 0; n < outFrames; n++) {
            long position = (long) n * from; // in units of 1/to input samples
            int whole = (int) (position / to);
            int phase = (int) ((position % to) * PHASES / to);
            int first = whole - (halfTaps - 1);
            int row = phase * width;
            double value = 0;
            for (int tap = 0; tap < width; tap++) {
                value += filter[row + tap] * in.at(first + tap);
            }
            out.putShort((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value))));
        }
        return out.array();
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** The Blackman window over [-1, 1], zero outside. */
    private static double blackman(double x) {
        return Math.abs(x) >= 1 ? 0 : 0.42 + 0.5 * Math.cos(Math.PI * x) + 0.08 * Math.cos(2 * Math.PI * x);
    }

    /** Samples by index, silence before the first and after the last. */
    private static final class ShortBufferView {
        private final ByteBuffer bytes;
        private final int frames;

        ShortBufferView(byte[] pcm) {
            this.bytes = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
            this.frames = pcm.length / 2;
        }

        int at(int index) {
            return index < 0 || index >= frames ? 0 : bytes.getShort(index * 2);
        }
    }
}
