package dev.funclab.testkit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Graded tests run by {@link GradeReportListenerTest}, not by Surefire (the name keeps it out). */
@ExtendWith(GuideHintExtension.class)
class GradedFixture {

    @Test
    @Graded(points = 60, step = 1)
    @DisplayName("the part that works")
    void passes() {
        assertThat(1 + 1).isEqualTo(2);
    }

    @Test
    @Graded(points = 40, step = 2)
    void failsWithAReason() {
        assertThat("501").as("status of GET /api/hello").isEqualTo("200");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, -1})
    @Graded(points = 10, step = 3)
    @DisplayName("every run must pass")
    void parameterizedTestsEarnTheirPointsOnce(int number) {
        assertThat(number).isPositive();
    }

    @Test
    @Graded(points = 5, step = 4)
    void metAStarterPlaceholder() {
        assertThat("TODO 2: not written yet (labs/lab9-sample/README.md, step 2)").as("body of POST /api/items").isEqualTo("created");
    }

    @Test
    @Graded(points = 5, step = 4)
    void metALaterStepsPlaceholder() {
        assertThat("synthesizeSpeech failed: TODO 6: speak message m1").as("the function's outcome").isEqualTo("succeeded");
    }

    @Test
    @Graded(points = 5, step = 5)
    void failedInAnEarlierStep() {
        Steps.require(3, () -> assertThat(404).as("status of POST /api/items").isEqualTo(201));
    }

    @Test
    void ungradedTestsDoNotCount() {
        assertThat(true).isFalse();
    }
}
