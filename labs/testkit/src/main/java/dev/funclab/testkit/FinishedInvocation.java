package dev.funclab.testkit;

import java.util.List;

/**
 * A function call the host reported as finished, read from its console.
 *
 * @param function  the function name
 * @param reason    why it ran, as the host logged it ({@code New blob detected: card-input/a.jpg})
 * @param succeeded whether it succeeded
 * @param error     for a failure, the first line of the exception, else empty
 * @param log       what the function logged during the call
 */
public record FinishedInvocation(String function, String reason, boolean succeeded, String error, List<String> log) {

    /** "resizeCardImage ran for 'New blob detected: card-input/a.jpg' and succeeded" */
    public String describe() {
        return function + " ran (" + reason + ") and " + (succeeded ? "succeeded" : "failed: " + error);
    }
}
