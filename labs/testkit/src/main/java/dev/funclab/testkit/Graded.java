package dev.funclab.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A graded test: the points it is worth and the guide step that teaches what it checks.
 * A failing graded test names that step, both in its failure message and in the grade table.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Graded {

    /** Points earned when the test passes. A lab's graded tests add up to 100. */
    int points();

    /** The step of the lab guide to reread when the test fails. */
    int step();
}
