package dev.funclab.testkit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Graded tests run by {@link GradeReportListenerTest}, not by Surefire (the name keeps it out). */
@FunctionsHostTest
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

    @Test
    void ungradedTestsDoNotCount() {
        assertThat(true).isFalse();
    }
}
