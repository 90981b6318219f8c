package dev.funclab.testkit;

/**
 * One graded test's outcome.
 *
 * @param name    what the test checks, in words
 * @param id      {@code Class#method}
 * @param earned  points earned: all or nothing
 * @param points  points it is worth
 * @param passed  whether it passed
 * @param step    the guide step it belongs to
 * @param reread  the guide step to reread: its own, or the earliest unfinished step it depends on
 * @param message the first lines of the failure, or empty
 */
public record GradedTest(String name, String id, int earned, int points, boolean passed, int step, int reread, String message) {

    public GradedTest {
        reread = reread == 0 ? step : reread; // reports written before "reread" existed
    }
}
