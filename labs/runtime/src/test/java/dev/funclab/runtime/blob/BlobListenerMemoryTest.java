package dev.funclab.runtime.blob;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.microsoft.azure.functions.annotation.BlobTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import dev.funclab.runtime.TestStorage;
import dev.funclab.runtime.function.ArgumentSource;
import dev.funclab.runtime.function.Bindings;
import dev.funclab.runtime.function.FunctionDefinition;
import dev.funclab.runtime.function.FunctionFactory;
import dev.funclab.runtime.function.FunctionSignature;
import dev.funclab.runtime.function.TriggerSupport;
import dev.funclab.runtime.invoke.FunctionInvoker;
import dev.funclab.runtime.log.HostLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The blob listener remembers what the container holds now, not every blob it ever held. */
@ResourceLock(value = TestStorage.LOCK, mode = ResourceAccessMode.READ)
class BlobListenerMemoryTest {

    static final AtomicInteger CALLS = new AtomicInteger();

    /** The function the listener feeds. */
    public static class Counter {
        @FunctionName("count")
        public void count(@BlobTrigger(name = "content", path = "ignored/{name}") String content) {
            CALLS.incrementAndGet();
        }
    }

    private static FunctionDefinition definition() throws NoSuchMethodException {
        TriggerSupport<BlobTrigger> trigger = new TriggerSupport<>() {
            @Override
            public Class<BlobTrigger> annotationType() {
                return BlobTrigger.class;
            }

            @Override
            public ArgumentSource argument(FunctionSignature signature, Parameter parameter, BlobTrigger annotation) {
                return invocation -> "content";
            }
        };
        return new FunctionFactory(new Bindings().trigger(trigger)).create(Counter.class.getMethod("count", String.class));
    }

    @Test
    void processedBlobsAreForgottenOnceTheContainerNoLongerHoldsThem() throws Exception {
        String name = "memory-" + UUID.randomUUID().toString().substring(0, 8);
        BlobContainerClient container = TestStorage.blobs().getBlobContainerClient(name);
        container.create();
        HostLog log = new HostLog(new PrintStream(new ByteArrayOutputStream()));
        BlobListener listener = new BlobListener(definition(), new FunctionInvoker(log), container,
                BlobPattern.parse(name + "/{name}"), new BlobReceipts(TestStorage.blobs(), "memory-test", "Host.Functions.count"),
                TestStorage.queues(), new BlobSettings(5, 4), log);
        try {
            listener.start();
            for (int i = 0; i < 20; i++) {
                TestStorage.upload(name, "blob-" + i, "x");
            }
            TestStorage.await("20 blobs processed", Duration.ofSeconds(30), () -> listener.remembered() == 20);
            for (BlobItem item : container.listBlobs()) {
                container.getBlobClient(item.getName()).delete();
            }
            TestStorage.await("the deleted blobs forgotten", Duration.ofSeconds(30), () -> listener.remembered() == 0);
            assertThat(CALLS.get()).as("each blob processed once").isEqualTo(20);
        } finally {
            listener.close();
            container.delete();
        }
    }
}
