package dev.funclab.runtime.function;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A byte[] on a storage binding without dataType = "binary" runs here but would fail in Azure: the host says so. */
@ResourceLock(value = TestStorage.LOCK, mode = ResourceAccessMode.READ)
class DataTypeWarningsTest {

    @TempDir
    Path folder;

    @Test
    void bytesWithoutBinaryDataTypeAreWarnedAboutAtStartUp() throws Exception {
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.nodatatype");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FunctionHost host = FunctionHost.start(HostOptions.forApp(app).withPort(0)
                .withEnvironment(Map.of("AzureWebJobsStorage", TestStorage.connectionString())),
                new HostLog(new PrintStream(out, true, StandardCharsets.UTF_8)))) {
            String log = out.toString(StandardCharsets.UTF_8);
            assertThat(log).contains("Warning: Function 'copyBytes'")
                    .contains("parameter 'payload': @QueueTrigger carries bytes, but its dataType is not set")
                    .contains("parameter 'copy': @BlobOutput carries bytes, but its dataType is \"string\"")
                    .contains("Add dataType = \"binary\"");
        }
    }
}
