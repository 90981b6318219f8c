package dev.funclab.runtime.storage;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lets an output binding tell the listeners of the same host that it just wrote to a queue or a
 * container, so that they look now instead of at their next poll.
 */
public final class WakeUps {

    private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();

    public void register(String connectionString, String target, Runnable wakeUp) {
        listeners.computeIfAbsent(key(connectionString, target), k -> new CopyOnWriteArrayList<>()).add(wakeUp);
    }

    public void wrote(String connectionString, String target) {
        listeners.getOrDefault(key(connectionString, target), List.of()).forEach(Runnable::run);
    }

    private static String key(String connectionString, String target) {
        return connectionString + "|" + target;
    }
}
