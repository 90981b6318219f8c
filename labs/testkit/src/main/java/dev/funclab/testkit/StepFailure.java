package dev.funclab.testkit;

/**
 * A failure that belongs to an earlier step of the guide than the test's own: the product a test
 * creates with step 3's function, the output binding that step 1 adds. The failure message and the
 * grade table send the student to that step, the earliest one that is not finished.
 */
public final class StepFailure extends AssertionError {

    private final int step;

    public StepFailure(int step, String message) {
        super(message);
        this.step = step;
    }

    StepFailure(int step, String message, Throwable cause) {
        super(message, cause);
        this.step = step;
    }

    /** The step to reread. */
    public int step() {
        return step;
    }
}
