package dev.funclab.azurite;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.core.util.BinaryData;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The npm path end to end: installed on first use, started on free ports, spoken to with the Azure SDK, stopped. */
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

    @Test
    void stopsWhenTheJvmThatStartedItIsKilled() throws Exception {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StartAndWait.class.getName())
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = output.readLine()) != null && !line.startsWith(StartAndWait.READY)) {
                // install and start messages
            }
            assertThat(line).as("the child JVM started Azurite").isNotNull();
            int blobPort = port(line.substring(StartAndWait.READY.length()));
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
