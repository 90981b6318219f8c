package dev.funclab.testkit;

import java.util.function.Supplier;

/**
 * Checks that belong to an earlier step than the test's own. A test of step 8 that first creates a
 * product needs step 3; when the creation fails, the student must reread step 3, not step 8:
 * <pre>{@code
 * JsonNode product = Steps.require(3, () -> {
 *     LabResponse created = client.withKey().postJson("/api/products", body);
 *     assertThat(created).hasStatus(201);
 *     return created.json();
 * });
 * }</pre>
 */
public final class Steps {

    private Steps() {
    }

    /** Runs {@code check}; an assertion failing in it names {@code step}. */
    public static <T> T require(int step, Supplier<T> check) {
        try {
            return check.get();
        } catch (StepFailure earlier) {
            throw earlier;
        } catch (AssertionError failure) {
            StepFailure named = new StepFailure(step, failure.getMessage(), failure.getCause());
            named.setStackTrace(failure.getStackTrace());
            throw named;
        }
    }

    /** Runs {@code check}; an assertion failing in it names {@code step}. */
    public static void require(int step, Runnable check) {
        require(step, () -> {
            check.run();
            return null;
        });
    }
}
