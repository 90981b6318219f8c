package dev.funclab.runtime.queue;

import dev.funclab.runtime.FunctionHost;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.TestApps;
import dev.funclab.runtime.TestStorage;
import dev.funclab.runtime.log.HostLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Queue triggers and queue outputs through Azurite, against the fixture app in {@code fixtures.queues}. */
@ResourceLock(value = TestStorage.LOCK, mode = ResourceAccessMode.READ)
@ResourceLock("fixtures.queues")
class QueueTriggerTest {

    @TempDir
    static Path folder;

    static FunctionHost host;
    static final List<String> logLines = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startHost() throws Exception {
        String storage = TestStorage.connectionString();
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.queues",
                "{\"version\":\"2.0\",\"extensions\":{\"queues\":{\"maxDequeueCount\":3}}}", Map.of());
        HostLog log = new HostLog(new PrintStream(new ByteArrayOutputStream()));
        log.addListener(logLines::add);
        host = FunctionHost.start(HostOptions.forApp(app).withPort(0)
                .withEnvironment(Map.of("AzureWebJobsStorage", storage)), log);
    }

    @AfterAll
    static void stopHost() throws Exception {
        host.close();
    }

    @Test
    void aJsonMessageBecomesAPojoAndTheReturnValueGoesToTheOutputQueue() {
        TestStorage.send("numbers", "{\"id\": \"a1\", \"value\": 21}");

        List<String> results = new ArrayList<>();
        TestStorage.await("a message on 'doubled'", Duration.ofSeconds(20), () -> results.addAll(TestStorage.drain("doubled")) || !results.isEmpty());

        assertThat(results).singleElement().satisfies(json -> assertThat(json)
                .contains("\"id\":\"a1\"").contains("\"value\":42").contains("\"dequeueCount\":1").contains("\"messageId\":\""));
        assertThat(logLines).anySatisfy(l -> assertThat(l).contains("Executing 'Functions.double' (Reason='New queue message detected on 'numbers'.'"));
    }

    @Test
    void aFailingMessageIsTriedMaxDequeueCountTimesThenMovedToThePoisonQueueUnchanged() {
        TestStorage.send("stubborn", "never works");

        List<String> poisoned = new ArrayList<>();
        TestStorage.await("the message on 'stubborn-poison'", Duration.ofSeconds(30),
                () -> poisoned.addAll(TestStorage.drain("stubborn-poison")) || !poisoned.isEmpty());

        assertThat(poisoned).containsExactly("never works");
        assertThat(logLines.stream().filter(l -> l.contains("stubborn try ") && l.contains("for never works")))
                .map(l -> l.replaceAll(".*stubborn try (\\d+).*", "$1"))
                .containsExactly("1", "2", "3");
        assertThat(logLines).anySatisfy(l -> assertThat(l)
                .contains("Message has reached MaxDequeueCount of 3. Moving message to queue 'stubborn-poison'."));
    }

    @Test
    void noMessageIsLostWhenFunctionsFailAtRandom() {
        Set<String> sent = new HashSet<>();
        IntStream.range(0, 40).forEach(i -> {
            sent.add("flip-" + i);
            TestStorage.send("coin-flips", "flip-" + i);
        });

        Set<String> done = new HashSet<>();
        Set<String> poisoned = new HashSet<>();
        TestStorage.await("every flip done or poisoned", Duration.ofSeconds(60), () -> {
            done.addAll(TestStorage.drain("coin-done"));
            poisoned.addAll(TestStorage.drain("coin-flips-poison"));
            Set<String> settled = new HashSet<>(done);
            settled.addAll(poisoned);
            return settled.containsAll(sent);
        });

        assertThat(done).as("flips both done and poisoned").filteredOn(poisoned::contains).isEmpty();
        Set<String> all = new HashSet<>(done);
        all.addAll(poisoned);
        assertThat(all).isEqualTo(sent);
    }

    @Test
    void aListOnAnOutputBindingBecomesOneMessagePerItemAndExpressionsResolveFromTheTrigger() {
        TestStorage.send("fan-in", "3");

        List<String> parts = new ArrayList<>();
        TestStorage.await("three parts on 'fan-out-3'", Duration.ofSeconds(20), () -> {
            parts.addAll(TestStorage.drain("fan-out-3"));
            return parts.size() >= 3;
        });

        assertThat(parts).containsExactlyInAnyOrder("part 1 of 3", "part 2 of 3", "part 3 of 3");
    }

    @Test
    void startUpListsQueueFunctionsWithTheirTrigger() {
        assertThat(logLines).contains("\tdouble: queueTrigger", "\tstubborn: queueTrigger");
    }
}
