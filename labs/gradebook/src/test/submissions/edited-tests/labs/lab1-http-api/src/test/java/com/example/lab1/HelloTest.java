package com.example.lab1;

import dev.funclab.testkit.Graded;
import org.junit.jupiter.api.Test;

/** A student "fixed" the tests instead of the code: the grader must use its own tests. */
class HelloTest {

    @Test
    @Graded(points = 100, step = 1)
    void everythingPasses() {
    }
}
