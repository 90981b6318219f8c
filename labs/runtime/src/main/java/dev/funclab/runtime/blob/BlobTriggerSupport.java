package dev.funclab.runtime.blob;

import com.azure.storage.blob.BlobContainerClient;
import com.microsoft.azure.functions.annotation.BlobTrigger;
import dev.funclab.runtime.HostContext;
import dev.funclab.runtime.function.ArgumentSource;
import dev.funclab.runtime.function.FunctionDefinition;
import dev.funclab.runtime.function.FunctionSignature;
import dev.funclab.runtime.function.TriggerListener;
import dev.funclab.runtime.function.TriggerSupport;
import dev.funclab.runtime.invoke.FunctionInvoker;
import dev.funclab.runtime.invoke.Invocation;
import dev.funclab.runtime.storage.BindingTemplate;
import dev.funclab.runtime.storage.BlobPath;
import dev.funclab.runtime.storage.Connections;
import dev.funclab.runtime.storage.Names;

import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code @BlobTrigger}: a new or changed blob whose name fits the path pattern, as {@code byte[]},
 * {@code String}, {@code InputStream} or a POJO; the pattern's parts, {@code BlobTrigger},
 * {@code Uri}, {@code Properties} and {@code Metadata} as binding data.
 */
public final class BlobTriggerSupport implements TriggerSupport<BlobTrigger> {

    private final HostContext host;
    private final Map<String, String> connections = new ConcurrentHashMap<>();
    private final Map<String, BlobPattern> patterns = new ConcurrentHashMap<>();
    private BlobSettings settings;
    private boolean triesNoted;

    public BlobTriggerSupport(HostContext host) {
        this.host = host;
    }

    @Override
    public Class<BlobTrigger> annotationType() {
        return BlobTrigger.class;
    }

    /** The path's parts and what every blob trigger adds, as the Storage extension gives them. */
    @Override
    public java.util.Optional<java.util.Set<String>> knownBindingData(FunctionSignature signature) {
        BlobPattern pattern = patterns.get(signature.name());
        if (pattern == null) {
            return java.util.Optional.empty();
        }
        java.util.Set<String> names = new java.util.LinkedHashSet<>(pattern.parts());
        names.addAll(java.util.List.of("BlobTrigger", "Uri", "Properties", "Metadata"));
        return java.util.Optional.of(names);
    }

    @Override
    public ArgumentSource argument(FunctionSignature signature, Parameter parameter, BlobTrigger trigger) {
        BlobPattern pattern;
        try {
            pattern = BlobPattern.parse(BindingTemplate.parse(trigger.path(), host.settings()).toString());
        } catch (IllegalArgumentException e) {
            throw signature.problem(parameter, e.getMessage());
        }
        String problem = Names.problemWith("container", pattern.container());
        if (problem != null) {
            throw signature.problem(parameter, problem);
        }
        try {
            settings = BlobSettings.from(host.hostJson());
        } catch (IllegalArgumentException e) {
            throw signature.problem(e.getMessage());
        }
        sayWhatTriesMean();
        connections.put(signature.name(), Connections.resolve(host.storage(), signature, parameter, trigger.connection()));
        patterns.put(signature.name(), pattern);
        Type type = parameter.getParameterizedType();
        return invocation -> BlobContent.as(((BlobDelivery) invocation.triggerPayload()).content(), type);
    }

    /**
     * Older Storage extensions tried a blob {@code maxDequeueCount} times; today's read
     * {@code poisonBlobThreshold}. The old name is refused with a note once, not silently ignored.
     */
    private void sayWhatTriesMean() {
        var blobs = host.hostJson().extension("blobs");
        if (triesNoted || !blobs.has("maxDequeueCount")) {
            return;
        }
        triesNoted = true;
        host.log().info("Warning: host.json extensions.blobs.maxDequeueCount is not a setting of the blob extension and is "
                + "ignored, here as in Azure: a blob is tried extensions.blobs.poisonBlobThreshold times ("
                + settings.poisonBlobThreshold() + ") before it goes to webjobs-blobtrigger-poison. Rename it.");
    }

    /** An admin request names the blob to run on, {@code container/name}, as with Core Tools. */
    @Override
    public Invocation adminInvocation(FunctionDefinition function, String input) {
        BlobPattern pattern = patterns.get(function.name());
        BlobPath path = BlobPath.parse(input);
        var parts = pattern.match(path.blob()).filter(p -> path.container().equals(pattern.container()))
                .orElseThrow(() -> new IllegalArgumentException("'" + input + "' does not fit the trigger path of '"
                        + function.name() + "' (" + pattern.container() + "/...)"));
        var blob = host.storage().clients(connections.get(function.name())).blobs()
                .getBlobContainerClient(path.container()).getBlobClient(path.blob());
        if (!blob.exists()) {
            throw new IllegalArgumentException("There is no blob '" + input + "'.");
        }
        var properties = blob.getProperties();
        Map<String, Object> data = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        data.putAll(parts);
        data.put("BlobTrigger", input);
        data.put("Uri", blob.getBlobUrl());
        return new Invocation(function, new BlobDelivery(path.container(), path.blob(), properties.getETag(),
                blob.downloadContent().toBytes()), data);
    }

    @Override
    public TriggerListener listener(FunctionDefinition function, FunctionInvoker invoker) {
        String connection = connections.get(function.name());
        BlobPattern pattern = patterns.get(function.name());
        var blobs = host.storage().clients(connection).blobs();
        BlobContainerClient container = blobs.getBlobContainerClient(pattern.container());
        BlobListener listener = new BlobListener(function, invoker, container, pattern,
                new BlobReceipts(blobs, host.hostId(), "Host.Functions." + function.name()),
                host.storage().clients(connection).queues(), settings, host.log());
        host.wakeUps().register(host.storage().connectionString(connection), "container:" + pattern.container(), listener::wakeUp);
        return listener;
    }
}
