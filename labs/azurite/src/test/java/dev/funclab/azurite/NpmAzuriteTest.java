package dev.funclab.azurite;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.core.util.BinaryData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The npm path end to end: installed on first use, started on free ports, spoken to with the Azure SDK, stopped.
 * Each test has an Azurite of its own, so they run side by side: most of their time is spent waiting for one to start
 * or to stop.
 */
@Execution(ExecutionMode.CONCURRENT)
class NpmAzuriteTest {

    @Test
    void startsOnFreePortsAndStopsOnClose() throws Exception {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.remove(AzuriteSelection.OVERRIDE_VARIABLE);
        environment.remove("DOCKER_HOST");
        List<String> log = new ArrayList<>();
        int blobPort;
        try (StorageEmulator first = Azurite.provide("UseDevelopmentStorage=true", environment, false, log::add);
             StorageEmulator second = Azurite.provide(null, environment, false, log::add)) {
            assertThat(first.connectionString()).isNotEqualTo(second.connectionString());
            assertThat(log).anySatisfy(line -> assertThat(line).startsWith("Storage: Azurite"));

            BlobContainerClient container = new BlobServiceClientBuilder().connectionString(first.connectionString())
                    .buildClient().getBlobContainerClient("smoke");
            container.create();
            container.getBlobClient("hello.txt").upload(BinaryData.fromString("hi"));
            assertThat(container.getBlobClient("hello.txt").downloadContent().toString()).isEqualTo("hi");
            assertThat(new BlobServiceClientBuilder().connectionString(second.connectionString()).buildClient()
                    .getBlobContainerClient("smoke").exists()).as("each Azurite has storage of its own").isFalse();
            blobPort = port(first.connectionString());
        }
        assertThat(listening(blobPort)).as("Azurite stopped on close").isFalse();
    }

    /** A JVM running {@code main}, which starts an Azurite and says where; its output is read up to that line. */
    private record Child(Process jvm, BufferedReader output, int blobPort) {
        static Child start(Class<?> main) throws IOException {
            Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), main.getName())
                    .redirectErrorStream(true).start();
            BufferedReader output = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = output.readLine()) != null && !line.startsWith(StartAndWait.READY)) {
                // install and start messages
            }
            assertThat(line).as("the child JVM started Azurite").isNotNull();
            return new Child(jvm, output, port(line.substring(StartAndWait.READY.length())));
        }
    }

    @Test
    void stopsWhenTheJvmThatStartedItIsKilled() throws Exception {
        Child child = Child.start(StartAndWait.class);
        Process jvm = child.jvm();
        try {
            int blobPort = child.blobPort();
            assertThat(listening(blobPort)).isTrue();

            jvm.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
            Instant deadline = Instant.now().plusSeconds(20);
            while (listening(blobPort) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(listening(blobPort)).as("Azurite stopped after the JVM that started it was killed").isFalse();
        } finally {
            jvm.destroyForcibly();
        }
    }

    @Test
    void anOwnerThatKeepsItRunningUntilClosedStillHasItWhileItsOwnShutdownHookWorks() throws Exception {
        Child child = Child.start(OwnedUntilClosed.class);
        Process jvm = child.jvm();
        try {
            int blobPort = child.blobPort();
            // SIGTERM, sent so that this side can still read what the child says (destroy() closes the pipes)
            new ProcessBuilder("kill", "-TERM", String.valueOf(jvm.pid())).start().waitFor();
            List<String> rest = new ArrayList<>();
            String line;
            while ((line = child.output().readLine()) != null) {
                rest.add(line);
            }
            assertThat(rest).as("a second after SIGTERM, the owner's hook still finds Azurite answering")
                    .contains(OwnedUntilClosed.STILL_THERE);
            assertThat(listening(blobPort)).as("and the owner stopped it when done").isFalse();
        } finally {
            jvm.destroyForcibly();
        }
    }

    @Test
    void aDeadAzuriteStartsAgainOnTheSamePortsWithItsData(@org.junit.jupiter.api.io.TempDir Path data) throws Exception {
        Map<String, String> environment = new HashMap<>(System.getenv());
        int[] free = {freePort(), freePort(), freePort()};
        StorageEmulator azurite = NpmAzurite.start(Azurite.cacheFolder(environment), free, data, line -> { });
        try {
            BlobContainerClient container = new BlobServiceClientBuilder().connectionString(azurite.connectionString())
                    .buildClient().getBlobContainerClient("kept");
            container.create();
            container.getBlobClient("note.txt").upload(BinaryData.fromString("still here"));
            // Azurite writes its index to disk every 5 s; what came later is lost with a crash.
            Path index = data.resolve("__azurite_db_blob__.json");
            Instant saved = Instant.now().plusSeconds(20);
            while (!(Files.exists(index) && Files.readString(index).contains("note.txt")) && Instant.now().isBefore(saved)) {
                Thread.sleep(100);
            }
            ProcessHandle.current().descendants().filter(p -> p.info().commandLine().orElse("").contains("azurite.js")
                    && p.info().commandLine().orElse("").contains("--blobPort " + free[0])).forEach(ProcessHandle::destroyForcibly);
            Instant deadline = Instant.now().plusSeconds(20);
            while (azurite.isRunning() && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertThat(azurite.isRunning()).as("it died").isFalse();
            String before = azurite.connectionString();
            azurite = azurite.restart();
            assertThat(azurite.isRunning()).isTrue();
            assertThat(azurite.connectionString()).as("same ports, same connection string").isEqualTo(before);
            assertThat(container.getBlobClient("note.txt").downloadContent().toString()).isEqualTo("still here");
        } finally {
            azurite.close();
        }
    }

    @Test
    void aCtrlCMeantForTheHostDoesNotStopItsAzurite() throws Exception {
        Map<String, String> environment = new HashMap<>(System.getenv());
        try (StorageEmulator azurite = NpmAzurite.start(Azurite.cacheFolder(environment), new int[]{0, 0, 0}, null, line -> { })) {
            int blobPort = port(azurite.connectionString());
            List<ProcessHandle> node = ProcessHandle.current().descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains("azurite.js")).toList();
            for (ProcessHandle process : node) {
                new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
            }
            Instant until = Instant.now().plusMillis(1_500);
            while (Instant.now().isBefore(until)) {
                assertThat(listening(blobPort)).as("Azurite after a terminal's Ctrl+C (SIGINT)").isTrue();
                Thread.sleep(100);
            }
            assertThat(azurite.isRunning()).isTrue();
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Run in a child JVM: starts an Azurite, takes charge of its lifetime, and on SIGTERM (in its own
     * shutdown hook) waits a second, says whether Azurite still answers, then stops it.
     */
    static final class OwnedUntilClosed {
        static final String STILL_THERE = "STILL THERE";

        public static void main(String[] args) throws InterruptedException {
            Map<String, String> environment = new HashMap<>(System.getenv());
            StorageEmulator azurite = NpmAzurite.start(Azurite.cacheFolder(environment), new int[]{0, 0, 0}, null, line -> { });
            azurite.keepRunningUntilClosed();
            int blobPort = port(azurite.connectionString());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Thread.sleep(1_000); // an owner finishing its work
                } catch (InterruptedException ignored) {
                    // stop now
                }
                System.out.println(listening(blobPort) && azurite.isRunning() ? STILL_THERE : "GONE");
                azurite.close();
            }));
            System.out.println(StartAndWait.READY + azurite.connectionString());
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** Run in a child JVM: starts an Azurite from npm, says where, and waits to be killed. */
    static final class StartAndWait {
        static final String READY = "READY ";

        public static void main(String[] args) throws InterruptedException {
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.remove(AzuriteSelection.OVERRIDE_VARIABLE);
            environment.remove("DOCKER_HOST");
            StorageEmulator azurite = NpmAzurite.start(Azurite.cacheFolder(environment), new int[]{0, 0, 0}, null, System.out::println);
            System.out.println(READY + azurite.connectionString());
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static int port(String connectionString) {
        String endpoint = connectionString.replaceAll(".*BlobEndpoint=([^;]+);.*", "$1");
        return URI.create(endpoint).getPort();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
