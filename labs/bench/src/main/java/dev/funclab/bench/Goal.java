package dev.funclab.bench;

import java.util.Locale;

/**
 * What a figure must reach: a ratio against its baseline of at least {@code limit} (1 = as fast as the
 * baseline), or a value of at most {@code limit} in the figure's unit. CI fails a figure only when it is
 * twice as far off: a ratio under half its goal, a value over twice its goal.
 */
public record Goal(Kind kind, double limit) {

    public enum Kind { RATIO_AT_LEAST, AT_MOST, NONE }

    public static Goal ratioAtLeast(double ratio) {
        return new Goal(Kind.RATIO_AT_LEAST, ratio);
    }

    public static Goal atMost(double value) {
        return new Goal(Kind.AT_MOST, value);
    }

    public static Goal none() {
        return new Goal(Kind.NONE, 0);
    }

    /** The number the goal is about: the figure's ratio or its value. */
    public double score(Figure figure) {
        return kind == Kind.RATIO_AT_LEAST ? figure.ratio() : figure.ours().median();
    }

    public boolean met(Figure figure) {
        return switch (kind) {
            case RATIO_AT_LEAST -> figure.ratio() >= limit;
            case AT_MOST -> figure.ours().median() <= limit;
            case NONE -> true;
        };
    }

    /** Far enough off to fail a short CI run, where a noisy machine must not fail a good change. */
    public boolean badlyMissed(Figure figure) {
        return switch (kind) {
            case RATIO_AT_LEAST -> figure.ratio() < limit / 2;
            case AT_MOST -> figure.ours().median() > limit * 2;
            case NONE -> false;
        };
    }

    public String describe(String unit) {
        return switch (kind) {
            case RATIO_AT_LEAST -> String.format(Locale.ROOT, ">= %.2fx", limit);
            case AT_MOST -> "<= " + Figure.number(limit) + " " + unit;
            case NONE -> "-";
        };
    }
}
