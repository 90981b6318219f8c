package dev.funclab.runtime.blob;

import com.azure.storage.blob.models.BlobItem;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** %AppSetting%, {rand-guid}, {DateTime}, {sys.randguid}, {sys.utcnow} and JSON message properties (dotted paths too) in binding paths. */
@ResourceLock(value = TestStorage.LOCK, mode = ResourceAccessMode.READ)
class BindingExpressionsTest {

    @TempDir
    Path folder;

    @Test
    void settingsBuiltInsAndMessagePropertiesResolve() throws Exception {
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.expressions", "{\"version\":\"2.0\"}",
                Map.of("StampContainer", "stamps", "StampQueue", "stamp-requests"));
        try (FunctionHost host = FunctionHost.start(HostOptions.forApp(app).withPort(0)
                .withEnvironment(Map.of("AzureWebJobsStorage", TestStorage.connectionString())),
                new HostLog(new PrintStream(new ByteArrayOutputStream())))) {
            TestStorage.send("stamp-requests", "{\"kind\": \"first\"}");
            TestStorage.send("stamp-requests", "{\"kind\": \"first\"}");

            TestStorage.send("order-stamps", "{\"order\": {\"id\": 7, \"Customer\": {\"Name\": \"kim\"}}}");

            TestStorage.await("two stamps", Duration.ofSeconds(20), () -> names().size() >= 2);
            TestStorage.await("an order stamp", Duration.ofSeconds(20), () -> !names("order-stamps").isEmpty());
        }
        assertThat(names("order-stamps")).as("a dotted path into the message, any case; {sys.utcnow} and {sys.randguid}")
                .singleElement().asString()
                .matches("kim/\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.txt");
        List<String> names = names();
        assertThat(names).hasSize(2).allSatisfy(name -> assertThat(name)
                .matches("first/\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.txt"));
        assertThat(names.get(0)).as("{rand-guid} differs per call").isNotEqualTo(names.get(1));
    }

    private static List<String> names() {
        return names("stamps");
    }

    private static List<String> names(String containerName) {
        var container = TestStorage.blobs().getBlobContainerClient(containerName);
        return container.exists() ? container.listBlobs().stream().map(BlobItem::getName).toList() : List.of();
    }
}
