package dev.funclab.runtime.invoke;

import com.microsoft.azure.functions.OutputBinding;
import com.microsoft.azure.functions.annotation.BlobOutput;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueOutput;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import com.microsoft.azure.functions.annotation.TableOutput;
import dev.funclab.runtime.function.ArgumentSource;
import dev.funclab.runtime.function.Bindings;
import dev.funclab.runtime.function.FunctionDefinition;
import dev.funclab.runtime.function.FunctionFactory;
import dev.funclab.runtime.function.FunctionSignature;
import dev.funclab.runtime.function.OutputSupport;
import dev.funclab.runtime.function.OutputWriter;
import dev.funclab.runtime.function.TriggerSupport;
import dev.funclab.runtime.log.HostLog;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outputs are written one after the other in the order of the parameters, then the return value, and
 * only after the function succeeded: a function may write a row before the blob whose trigger reads it.
 */
class OutputOrderTest {

    private final List<String> written = new CopyOnWriteArrayList<>();

    public static class Writer {
        @FunctionName("write")
        @TableOutput(name = "$return", tableName = "Last")
        public String write(@QueueTrigger(name = "message", queueName = "in") String message,
                            @QueueOutput(name = "second", queueName = "q") OutputBinding<String> second,
                            @BlobOutput(name = "first", path = "c/b") OutputBinding<String> first) {
            first.setValue("blob");
            second.setValue("queue");
            if ("fail".equals(message)) {
                throw new IllegalStateException("no outputs for a failure");
            }
            return "row";
        }
    }

    private <A extends Annotation> OutputSupport<A> recording(Class<A> type) {
        return new OutputSupport<>() {
            @Override
            public Class<A> annotationType() {
                return type;
            }

            @Override
            public OutputWriter writer(FunctionSignature signature, A annotation) {
                return (invocation, value) -> written.add(type.getSimpleName() + "=" + value);
            }
        };
    }

    private FunctionDefinition definition() throws NoSuchMethodException {
        TriggerSupport<QueueTrigger> trigger = new TriggerSupport<>() {
            @Override
            public Class<QueueTrigger> annotationType() {
                return QueueTrigger.class;
            }

            @Override
            public ArgumentSource argument(FunctionSignature signature, Parameter parameter, QueueTrigger annotation) {
                return invocation -> invocation.triggerPayload();
            }
        };
        Bindings bindings = new Bindings().trigger(trigger).output(recording(QueueOutput.class))
                .output(recording(BlobOutput.class)).output(recording(TableOutput.class));
        return new FunctionFactory(bindings).create(Writer.class.getMethod("write", String.class, OutputBinding.class, OutputBinding.class));
    }

    @Test
    void outputsAreWrittenInParameterOrderThenTheReturnValue() throws Exception {
        InvocationResult result = new FunctionInvoker(new HostLog(new PrintStream(new ByteArrayOutputStream())))
                .invoke(new Invocation(definition(), "go", Map.of()), "test");

        assertThat(result.succeeded()).isTrue();
        assertThat(written).containsExactly("QueueOutput=queue", "BlobOutput=blob", "TableOutput=row");
    }

    @Test
    void aFailedCallWritesNothing() throws Exception {
        InvocationResult result = new FunctionInvoker(new HostLog(new PrintStream(new ByteArrayOutputStream())))
                .invoke(new Invocation(definition(), "fail", Map.of()), "test");

        assertThat(result.succeeded()).isFalse();
        assertThat(written).isEmpty();
    }
}
