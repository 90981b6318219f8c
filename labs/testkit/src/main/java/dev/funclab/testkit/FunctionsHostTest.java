package dev.funclab.testkit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts the function host for the lab under test, once per test class, on a free port, and
 * hands tests a {@link LabClient}, the {@link LabStorage} and the {@link RunningHost} itself as
 * parameters; failures of {@link Graded} tests name the guide step to reread.
 *
 * <pre>{@code
 * @FunctionsHostTest
 * class HelloTest {
 *     @Test
 *     @Graded(points = 10, step = 2)
 *     void greetsByName(LabClient client) {
 *         assertThat(client.get("/api/hello?name=Kim")).hasStatus(200).bodyContains("Kim");
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({FunctionsHostExtension.class, GuideHintExtension.class})
public @interface FunctionsHostTest {
}
