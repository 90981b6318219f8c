package dev.funclab.runtime.queue;

import com.azure.storage.queue.QueueClient;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import dev.funclab.runtime.HostContext;
import dev.funclab.runtime.convert.ValueConverter;
import dev.funclab.runtime.function.ArgumentSource;
import dev.funclab.runtime.function.FunctionDefinition;
import dev.funclab.runtime.function.FunctionSignature;
import dev.funclab.runtime.function.TriggerListener;
import dev.funclab.runtime.function.TriggerSupport;
import dev.funclab.runtime.invoke.FunctionInvoker;
import dev.funclab.runtime.invoke.RandomIds;
import dev.funclab.runtime.storage.BindingTemplate;
import dev.funclab.runtime.storage.Connections;
import dev.funclab.runtime.storage.Names;

import dev.funclab.runtime.convert.JsonProperties;
import dev.funclab.runtime.invoke.Invocation;

import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code @QueueTrigger}: the message content as {@code String}, {@code byte[]} or a POJO read from
 * JSON; its metadata ({@code Id}, {@code DequeueCount}, {@code InsertionTime}...) and the top-level
 * properties of a JSON message as binding data.
 */
public final class QueueTriggerSupport implements TriggerSupport<QueueTrigger> {

    private final HostContext host;
    private boolean pollingNoted;
    private final Map<String, String> connections = new ConcurrentHashMap<>();
    private final Map<String, String> queueNames = new ConcurrentHashMap<>();
    private QueueSettings settings;

    public QueueTriggerSupport(HostContext host) {
        this.host = host;
    }

    @Override
    public Class<QueueTrigger> annotationType() {
        return QueueTrigger.class;
    }

    @Override
    public ArgumentSource argument(FunctionSignature signature, Parameter parameter, QueueTrigger trigger) {
        try {
            settings = QueueSettings.from(host.hostJson())
                    .withProcessingVisibility(host.settings().get(QueueSettings.PROCESSING_VISIBILITY_SETTING));
        } catch (IllegalArgumentException e) {
            throw signature.problem(e.getMessage());
        }
        sayHowPollingDiffers();
        String queueName;
        try {
            queueName = BindingTemplate.parse(trigger.queueName(), host.settings()).toString();
        } catch (IllegalArgumentException e) {
            throw signature.problem(parameter, e.getMessage());
        }
        String problem = queueName.contains("{") ? "a trigger's queue name cannot use {...} expressions"
                : Names.problemWith("queue", queueName);
        if (problem != null) {
            throw signature.problem(parameter, problem);
        }
        connections.put(signature.name(), Connections.resolve(host.storage(), signature, parameter, trigger.connection()));
        queueNames.put(signature.name(), queueName);
        Type type = parameter.getParameterizedType();
        return invocation -> ValueConverter.convert(((QueueDelivery) invocation.triggerPayload()).content(), type);
    }

    /** A longer maxPollingInterval is not followed here, and the host says so once rather than ignore it silently. */
    private void sayHowPollingDiffers() {
        var configured = host.hostJson().extension("queues").path("maxPollingInterval");
        if (pollingNoted || configured.isMissingNode()) {
            return;
        }
        pollingNoted = true;
        java.time.Duration wanted = dev.funclab.runtime.storage.TimeSpans.parse(configured.asText());
        if (wanted.compareTo(QueueSettings.POLL_CAP) > 0) {
            host.log().info("Note: host.json extensions.queues.maxPollingInterval is " + configured.asText() + "; this host "
                    + "polls an idle queue at least every " + QueueSettings.POLL_CAP.toMillis() + " ms so that messages are "
                    + "picked up at once (every " + QueueSettings.QUIET_POLL_CAP.toSeconds() + " s after "
                    + dev.funclab.runtime.function.IdlePacing.QUIET.toSeconds() + " s without messages). In Azure an idle "
                    + "queue is polled less and less often, up to that interval.");
        }
    }

    /** An admin request's input as the content of a message that is being tried for the first time. */
    @Override
    public Invocation adminInvocation(FunctionDefinition function, String input) {
        byte[] content = input.getBytes(StandardCharsets.UTF_8);
        Map<String, Object> data = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        data.putAll(JsonProperties.of(content));
        data.put("QueueTrigger", input);
        data.put("Id", RandomIds.uuid());
        data.put("DequeueCount", 1L);
        return new Invocation(function, new QueueDelivery(content, QueueMessages.encode(content, settings == null || settings.base64())), data);
    }

    @Override
    public TriggerListener listener(FunctionDefinition function, FunctionInvoker invoker) {
        String connection = connections.get(function.name());
        String queueName = queueNames.get(function.name());
        var queues = host.storage().clients(connection).queues();
        QueueClient queue = queues.getQueueClient(queueName);
        QueueClient poison = queues.getQueueClient(queueName + "-poison");
        QueueListener listener = new QueueListener(function, invoker, queue, poison, settings, host.log());
        host.wakeUps().register(host.storage().connectionString(connection), "queue:" + queueName, listener::wakeUp);
        return listener;
    }
}
