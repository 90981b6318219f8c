package dev.funclab.runtime.queue;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import dev.funclab.runtime.FunctionHost;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.TestApps;
import dev.funclab.runtime.TestStorage;
import dev.funclab.runtime.function.FunctionConfigurationException;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** host.json extensions.queues: messageEncoding none reads and writes plain text, as in Azure; maxPollingInterval is noted. */
@ResourceLock(value = TestStorage.LOCK, mode = ResourceAccessMode.READ)
class QueueHostJsonTest {

    @TempDir
    Path folder;

    @Test
    void withMessageEncodingNoneMessagesArePlainTextBothWays() throws Exception {
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.plainqueues",
                "{\"version\": \"2.0\", \"extensions\": {\"queues\": {\"messageEncoding\": \"none\"}}}", Map.of());
        QueueClient in = TestStorage.queues().getQueueClient("plain-in");
        in.createIfNotExists();
        QueueClient out = TestStorage.queues().getQueueClient("plain-out");
        out.createIfNotExists();
        out.clearMessages();
        try (FunctionHost host = FunctionHost.start(HostOptions.forApp(app).withPort(0)
                .withEnvironment(Map.of("AzureWebJobsStorage", TestStorage.connectionString())),
                new HostLog(new PrintStream(new ByteArrayOutputStream())))) {
            in.sendMessage("plain {\"text\": \"안녕\"}");
            List<String> echoed = new ArrayList<>();
            TestStorage.await("a message on plain-out", Duration.ofSeconds(20), () -> {
                for (QueueMessageItem message : out.receiveMessages(32)) {
                    echoed.add(message.getBody().toString());
                    out.deleteMessage(message.getMessageId(), message.getPopReceipt());
                }
                return !echoed.isEmpty();
            });
            assertThat(echoed).containsExactly("echo: plain {\"text\": \"안녕\"}");
        }
    }

    @Test
    void anEncodingOtherThanBase64OrNoneStopsTheHost() throws Exception {
        Path app = TestApps.packaged(folder.resolve("bad"), "fixtures.plainqueues",
                "{\"version\": \"2.0\", \"extensions\": {\"queues\": {\"messageEncoding\": \"utf8\"}}}", Map.of());
        assertThatThrownBy(() -> FunctionHost.start(HostOptions.forApp(app).withPort(0)
                .withEnvironment(Map.of("AzureWebJobsStorage", TestStorage.connectionString())),
                new HostLog(new PrintStream(new ByteArrayOutputStream()))).close())
                .isInstanceOf(FunctionConfigurationException.class)
                .hasMessageContaining("messageEncoding must be base64 or none, not 'utf8'");
    }

    @Test
    void aMaxPollingIntervalLongerThanTheHostsPollIsNotedAtStartUp() throws Exception {
        Path app = TestApps.packaged(folder.resolve("polling"), "fixtures.plainqueues",
                "{\"version\": \"2.0\", \"extensions\": {\"queues\": {\"maxPollingInterval\": \"00:02:00\"}}}", Map.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FunctionHost host = FunctionHost.start(HostOptions.forApp(app).withPort(0)
                .withEnvironment(Map.of("AzureWebJobsStorage", TestStorage.connectionString())),
                new HostLog(new PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8)))) {
            assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                    .contains("maxPollingInterval is 00:02:00; this host polls an idle queue at least every 50 ms");
        }
    }
}
