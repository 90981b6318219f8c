package dev.funclab.runtime.queue;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueStorageException;
import com.microsoft.azure.functions.annotation.QueueOutput;
import dev.funclab.runtime.HostContext;
import dev.funclab.runtime.function.FunctionSignature;
import dev.funclab.runtime.function.OutputSupport;
import dev.funclab.runtime.function.OutputWriter;
import dev.funclab.runtime.storage.BindingTemplate;
import dev.funclab.runtime.storage.Connections;
import dev.funclab.runtime.storage.Names;

/**
 * {@code @QueueOutput}: each value becomes a base64 message; a list or an array becomes one message
 * per element; a POJO is written as JSON. The queue is created when it does not exist.
 */
public final class QueueOutputSupport implements OutputSupport<QueueOutput> {

    private final HostContext host;

    public QueueOutputSupport(HostContext host) {
        this.host = host;
    }

    @Override
    public Class<QueueOutput> annotationType() {
        return QueueOutput.class;
    }

    @Override
    public OutputWriter writer(FunctionSignature signature, QueueOutput output) {
        String connection = Connections.resolve(host.storage(), signature, null, output.connection());
        BindingTemplate queueName;
        try {
            queueName = BindingTemplate.parse(output.queueName(), host.settings());
        } catch (IllegalArgumentException e) {
            throw signature.problem(e.getMessage());
        }
        boolean base64;
        try {
            base64 = QueueSettings.from(host.hostJson()).base64();
        } catch (IllegalArgumentException e) {
            throw signature.problem(e.getMessage());
        }
        String problem = Names.problemWith("queue", queueName.toString());
        if (problem != null) {
            throw signature.problem("@QueueOutput(name = \"" + output.name() + "\"): " + problem);
        }
        return (invocation, value) -> {
            String name = queueName.resolve(invocation.bindingData());
            String invalid = Names.problemWith("queue", name);
            if (invalid != null) {
                throw new IllegalArgumentException(invalid);
            }
            QueueClient queue = host.storage().clients(connection).queues().getQueueClient(name);
            for (byte[] content : QueueMessages.contents(value)) {
                String message = QueueMessages.encode(content, base64);
                try {
                    queue.sendMessage(message);
                } catch (QueueStorageException e) {
                    if (e.getStatusCode() != 404) {
                        throw e;
                    }
                    // No queue yet (or the storage was emptied): make it and send again; one request per message otherwise.
                    queue.createIfNotExists();
                    queue.sendMessage(message);
                }
            }
            host.wakeUps().wrote(host.storage().connectionString(connection), "queue:" + name);
        };
    }
}
