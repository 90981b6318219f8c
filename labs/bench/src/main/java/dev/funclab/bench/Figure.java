package dev.funclab.bench;

import java.util.Locale;

/**
 * One line of the results: what the kit does ({@code ours}) beside the same work done the plainest way on the
 * same machine in the same run ({@code baseline}, or null where there is nothing to compare with).
 *
 * @param higherIsBetter true for rates (requests/s), false for times; the ratio is always "how close to the
 *                       baseline", 1 meaning as good
 */
public record Figure(String name, String unit, boolean higherIsBetter, Samples ours, Samples baseline, Goal goal) {

    public static Figure rate(String name, String unit, Samples ours, Samples baseline, Goal goal) {
        return new Figure(name, unit, true, ours, baseline, goal);
    }

    public static Figure time(String name, String unit, Samples ours, Samples baseline, Goal goal) {
        return new Figure(name, unit, false, ours, baseline, goal);
    }

    /** Ours against the baseline, 1 = as good; NaN without a baseline. */
    public double ratio() {
        if (baseline == null) {
            return Double.NaN;
        }
        return higherIsBetter ? ours.median() / baseline.median() : baseline.median() / ours.median();
    }

    public boolean passed() {
        return goal.met(this);
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        double size = Math.abs(value);
        String format = size >= 100 ? "%,.0f" : size >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, format, value);
    }

    /** {@code 1,234 (1,200-1,300) req/s}: the median, and the spread of the rounds. */
    static String describe(Samples samples, String unit) {
        if (samples == null) {
            return "-";
        }
        String spread = samples.values().size() > 1 ? " (" + number(samples.min()) + "-" + number(samples.max()) + ")" : "";
        return number(samples.median()) + spread + " " + unit;
    }
}
