package dev.funclab.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What a figure's ratio and goal mean, for rates and for times. */
class FigureTest {

    @Test
    void theMedianOfTheRoundsIsTheFigureAndTheSpreadIsKept() {
        Samples rounds = Samples.of(30, 10, 20, 40);
        assertThat(rounds.median()).isEqualTo(25);
        assertThat(rounds.min()).isEqualTo(10);
        assertThat(rounds.max()).isEqualTo(40);
        assertThat(Samples.of(5, 1, 3).median()).isEqualTo(3);
        assertThat(Samples.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 100).percentile(99)).isEqualTo(100);
    }

    @Test
    void aRateIsComparedAsOursOverTheBaselineAndATimeTheOtherWayRound() {
        Figure rate = Figure.rate("rps", "req/s", Samples.of(800), Samples.of(1_000), Goal.ratioAtLeast(0.8));
        Figure time = Figure.time("start", "ms", Samples.of(2_000), Samples.of(500), Goal.atMost(1_500));
        assertThat(rate.ratio()).isCloseTo(0.8, within(1e-9));
        assertThat(rate.passed()).isTrue();
        assertThat(time.ratio()).isCloseTo(0.25, within(1e-9));
        assertThat(time.passed()).as("2,000 ms against a goal of 1,500 ms").isFalse();
    }

    @Test
    void aShortRunFailsOnlyWhenAFigureMissesItsGoalByHalfOrMore() {
        Goal ratio = Goal.ratioAtLeast(0.8);
        assertThat(ratio.badlyMissed(Figure.rate("a", "x", Samples.of(0.5), Samples.of(1), ratio))).isFalse();
        assertThat(ratio.badlyMissed(Figure.rate("a", "x", Samples.of(0.3), Samples.of(1), ratio))).isTrue();
        Goal time = Goal.atMost(50);
        assertThat(time.badlyMissed(Figure.time("b", "ms", Samples.of(90), null, time))).isFalse();
        assertThat(time.badlyMissed(Figure.time("b", "ms", Samples.of(120), null, time))).isTrue();
        assertThat(Goal.none().badlyMissed(Figure.time("c", "ms", Samples.of(1e9), null, Goal.none()))).isFalse();
    }
}
