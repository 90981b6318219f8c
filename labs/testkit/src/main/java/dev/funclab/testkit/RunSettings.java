package dev.funclab.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a test run is about, read from JUnit configuration parameters (which fall back to system
 * properties): Maven runs need none of them, and the grader sets them for each submission it
 * grades in its own JVM.
 *
 * @param module        the lab under test ({@value #APP_DIR}; default: the working directory)
 * @param storage       a storage connection string for the hosts ({@value #STORAGE}; default: one
 *                      Azurite for the whole test JVM, see {@link LabStorage#shared()})
 * @param clientTimeout how long {@link LabClient} waits for an answer ({@value #CLIENT_TIMEOUT}, seconds)
 * @param deadline      when the submission's time is up ({@value #DEADLINE}, epoch milliseconds):
 *                      tests that start later fail at once, saying so
 */
public record RunSettings(LabModule module, Optional<String> storage, Duration clientTimeout, Optional<Instant> deadline) {

    public static final String APP_DIR = "funclab.app.dir";
    public static final String STORAGE = "funclab.storage";
    public static final String CLIENT_TIMEOUT = "funclab.client.timeout";
    public static final String DEADLINE = "funclab.deadline";

    static final Duration DEFAULT_CLIENT_TIMEOUT = Duration.ofSeconds(30);

    /** @param parameters a configuration parameter lookup, such as {@code ExtensionContext::getConfigurationParameter} */
    public static RunSettings from(Function<String, Optional<String>> parameters) {
        return new RunSettings(
                LabModule.at(parameters.apply(APP_DIR).orElse(System.getProperty("user.dir"))),
                parameters.apply(STORAGE).filter(s -> !s.isBlank()),
                parameters.apply(CLIENT_TIMEOUT).map(s -> Duration.ofSeconds(Long.parseLong(s.strip()))).orElse(DEFAULT_CLIENT_TIMEOUT),
                parameters.apply(DEADLINE).map(s -> Instant.ofEpochMilli(Long.parseLong(s.strip()))));
    }

    /** The storage the hosts of this run use. */
    public LabStorage labStorage() {
        return storage.map(LabStorage::of).orElseGet(LabStorage::shared);
    }
}
