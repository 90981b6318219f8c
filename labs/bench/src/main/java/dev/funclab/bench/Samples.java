package dev.funclab.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A figure's measurements, one per round: their median is the figure, min and max show the spread. */
public record Samples(List<Double> values) {

    public Samples {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        values = List.copyOf(values);
    }

    public static Samples of(double... values) {
        List<Double> list = new ArrayList<>();
        for (double value : values) {
            list.add(value);
        }
        return new Samples(list);
    }

    public double median() {
        return percentile(50);
    }

    public double min() {
        return Collections.min(values);
    }

    public double max() {
        return Collections.max(values);
    }

    /** The nearest-rank percentile: the smallest value with at least {@code p}% of the values at or below it. */
    public double percentile(double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (p == 50 && sorted.size() % 2 == 0) {
            int half = sorted.size() / 2;
            return (sorted.get(half - 1) + sorted.get(half)) / 2;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
