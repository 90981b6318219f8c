package dev.funclab.azurite;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.core.util.BinaryData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
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
