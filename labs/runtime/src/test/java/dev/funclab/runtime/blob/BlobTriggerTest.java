package dev.funclab.runtime.blob;

import dev.funclab.runtime.FunctionHost;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.TestApps;
import dev.funclab.runtime.TestStorage;
import dev.funclab.runtime.log.HostLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.funclab.runtime.TestStorage.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Blob triggers, blob input and output through Azurite, against the fixture app in {@code fixtures.blobs}. */
@ResourceLock(value = TestStorage.LOCK, mode = ResourceAccessMode.READ)
class BlobTriggerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    private final List<String> logLines = new CopyOnWriteArrayList<>();

    private FunctionHost start(Path app) throws Exception {
        HostLog log = new HostLog(new PrintStream(new ByteArrayOutputStream()));
        log.addListener(logLines::add);
        return FunctionHost.start(HostOptions.forApp(app).withPort(0)
                .withEnvironment(Map.of("AzureWebJobsStorage", TestStorage.connectionString())), log);
    }

    private Path app(String name) throws Exception {
        return TestApps.packaged(folder.resolve(name), "fixtures.blobs");
    }

    @Test
    void aNewBlobTriggersTheFunctionAndItsReturnValueIsWrittenToTheOutputPath() throws Exception {
        String name = "note-" + UUID.randomUUID();
        try (FunctionHost host = start(app("first"))) {
            TestStorage.upload("incoming", name + ".txt", "hello blob");

            await("outgoing/" + name + ".upper.txt", DEADLINE, () -> TestStorage.download("outgoing", name + ".upper.txt") != null);
            assertThat(TestStorage.download("outgoing", name + ".upper.txt")).isEqualTo("HELLO BLOB (" + name + ")");
            assertThat(logLines).anySatisfy(l -> assertThat(l).contains("upper saw incoming/" + name + ".txt"));
        }
    }

    @Test
    void anUpdatedBlobIsProcessedAgain() throws Exception {
        String name = "changing-" + UUID.randomUUID();
        try (FunctionHost host = start(app("update"))) {
            TestStorage.upload("incoming", name + ".txt", "first");
            await("the first version", DEADLINE, () -> ("FIRST (" + name + ")").equals(TestStorage.download("outgoing", name + ".upper.txt")));

            TestStorage.upload("incoming", name + ".txt", "second");
            await("the second version", DEADLINE, () -> ("SECOND (" + name + ")").equals(TestStorage.download("outgoing", name + ".upper.txt")));
        }
    }

    @Test
    void receiptsSurviveARestartSoNothingIsProcessedTwice() throws Exception {
        String done = "once-" + UUID.randomUUID();
        String marker = "marker-" + UUID.randomUUID();
        Path app = app("restart");
        try (FunctionHost host = start(app)) {
            TestStorage.upload("incoming", done + ".txt", "only once");
            await("the first output", DEADLINE, () -> TestStorage.download("outgoing", done + ".upper.txt") != null);
        }
        TestStorage.blobs().getBlobContainerClient("outgoing").getBlobClient(done + ".upper.txt").delete();
        logLines.clear();

        try (FunctionHost host = start(app)) {
            TestStorage.upload("incoming", marker + ".txt", "after the restart");
            await("the marker's output, which shows the container was scanned", DEADLINE,
                    () -> TestStorage.download("outgoing", marker + ".upper.txt") != null);
        }
        assertThat(TestStorage.download("outgoing", done + ".upper.txt")).as("output of a blob handled before the restart").isNull();
        assertThat(logLines).noneSatisfy(l -> assertThat(l).contains("upper saw incoming/" + done + ".txt"));
    }

    @Test
    void aBlobThatKeepsFailingIsTriedFiveTimesThenNamedOnThePoisonQueue() throws Exception {
        String name = "broken-" + UUID.randomUUID() + ".bin";
        try (FunctionHost host = start(app("poison"))) {
            TestStorage.upload("fragile", name, "x");

            List<String> poison = new ArrayList<>();
            await("a message on webjobs-blobtrigger-poison", DEADLINE, () -> {
                TestStorage.drain("webjobs-blobtrigger-poison").stream().filter(m -> m.contains(name)).forEach(poison::add);
                return !poison.isEmpty();
            });
            assertThat(poison).singleElement().satisfies(message -> assertThat(message)
                    .contains("\"Type\":\"BlobTrigger\"").contains("\"FunctionId\":\"Host.Functions.fragile\"")
                    .contains("\"ContainerName\":\"fragile\"").contains("\"BlobName\":\"" + name + "\"").contains("\"ETag\":"));
            assertThat(logLines.stream().filter(l -> l.contains("New blob detected: fragile/" + name))).hasSize(5);
        }
    }

    @Test
    void poisonBlobThresholdInHostJsonSetsHowManyTimesABlobIsTried() throws Exception {
        String name = "twice-" + UUID.randomUUID() + ".bin";
        Path app = TestApps.packaged(folder.resolve("threshold"), "fixtures.blobs",
                "{\"version\": \"2.0\", \"extensions\": {\"blobs\": {\"poisonBlobThreshold\": 2}}}", Map.of());
        try (FunctionHost host = start(app)) {
            TestStorage.upload("fragile", name, "x");
            List<String> poison = new ArrayList<>();
            await("a message on webjobs-blobtrigger-poison", DEADLINE, () -> {
                TestStorage.drain("webjobs-blobtrigger-poison").stream().filter(m -> m.contains(name)).forEach(poison::add);
                return !poison.isEmpty();
            });
            assertThat(poison).hasSize(1);
            assertThat(logLines.stream().filter(l -> l.contains("New blob detected: fragile/" + name))).hasSize(2);
            assertThat(logLines).anySatisfy(l -> assertThat(l).contains(name + "' failed 2 times in 'Functions.fragile'"));
        }
    }

    @Test
    void theOldNameMaxDequeueCountIsRefusedWithAWarningNamingTheSettingToUse() throws Exception {
        Path app = TestApps.packaged(folder.resolve("oldname"), "fixtures.blobs",
                "{\"version\": \"2.0\", \"extensions\": {\"blobs\": {\"maxDequeueCount\": 2}}}", Map.of());
        try (FunctionHost host = start(app)) {
            assertThat(logLines).filteredOn(l -> l.contains("extensions.blobs.maxDequeueCount")).singleElement()
                    .satisfies(l -> assertThat(l).contains("ignored").contains("poisonBlobThreshold times (5)"));
        }
    }

    @Test
    void blobInputReadsThePathNamedByTheQueueMessageAndIsNullWhenMissing() throws Exception {
        String present = "book-" + UUID.randomUUID() + ".txt";
        TestStorage.upload("library", present, "chapter one");
        try (FunctionHost host = start(app("input"))) {
            TestStorage.send("lookups", "{\"blobName\": \"" + present + "\"}");
            TestStorage.send("lookups", "{\"blobName\": \"nowhere.txt\"}");

            List<String> results = new ArrayList<>();
            await("two lookup results", DEADLINE, () -> {
                results.addAll(TestStorage.drain("lookup-results"));
                return results.size() >= 2;
            });
            assertThat(results).containsExactlyInAnyOrder("found:chapter one", "missing");
        }
    }
}
