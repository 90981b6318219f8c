package dev.funclab.runtime.storage;

import dev.funclab.azurite.DevelopmentStorage;
import dev.funclab.azurite.StorageEmulator;
import dev.funclab.runtime.app.AppSettings;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The storage accounts an app's bindings name. A binding's {@code connection} names an app
 * setting ({@code MyStorage}, or {@code AzureWebJobsMyStorage}); empty means
 * {@code AzureWebJobsStorage}. {@code UseDevelopmentStorage=true} is Azurite on its default ports,
 * which the host starts when nothing answers there.
 */
public final class StorageAccounts implements AutoCloseable {

    public static final String DEFAULT_CONNECTION = "AzureWebJobsStorage";

    private final AppSettings settings;
    private final Supplier<StorageEmulator> developmentStorage;
    private final Map<String, StorageClients> clients = new ConcurrentHashMap<>();
    private StorageEmulator emulator;

    /**
     * @param developmentStorage finds or starts Azurite on the default ports; called at most once
     */
    public StorageAccounts(AppSettings settings, Supplier<StorageEmulator> developmentStorage) {
        this.settings = settings;
        this.developmentStorage = developmentStorage;
    }

    /**
     * The connection string behind a connection name.
     *
     * @throws IllegalArgumentException naming the setting to add when there is none
     */
    public String connectionString(String connectionName) {
        String name = connectionName == null || connectionName.isBlank() ? DEFAULT_CONNECTION : connectionName;
        String value = settings.get(name).or(() -> settings.get("AzureWebJobs" + name)).orElse(null);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the storage connection '" + name + "' names no app setting. Add \""
                    + name + "\": \"UseDevelopmentStorage=true\" (Azurite) or a storage connection string to Values "
                    + "in local.settings.json");
        }
        return DevelopmentStorage.isShorthand(value) ? developmentConnectionString() : value;
    }

    public StorageClients clients(String connectionName) {
        return clients.computeIfAbsent(connectionString(connectionName), StorageClients::new);
    }

    /** The emulator the host started, if it started one. */
    public synchronized Optional<StorageEmulator> emulator() {
        return Optional.ofNullable(emulator);
    }

    private synchronized String developmentConnectionString() {
        if (emulator == null) {
            emulator = developmentStorage.get();
            emulator.keepRunningUntilClosed(); // the host stops it, after its own work is done
        }
        return emulator.connectionString();
    }

    /**
     * Starts the emulator this host started again if it died, on the same ports: the storage clients
     * and the listeners carry on without noticing more than an outage. Does nothing otherwise.
     */
    public synchronized void reviveEmulator(Consumer<String> log) {
        if (emulator == null || emulator.isRunning()) {
            return;
        }
        log.accept("Storage stopped: " + emulator.description() + " is no longer running. Starting it again"
                + (emulator.inMemory() ? "; what it held in memory is gone." : ", with its data."));
        try {
            emulator = emulator.restart();
            emulator.keepRunningUntilClosed();
            log.accept("Storage: " + emulator.description() + ", started again.");
        } catch (RuntimeException e) {
            log.accept("Storage could not be started again: " + e.getMessage() + " Trying again in a moment.");
        }
    }

    @Override
    public synchronized void close() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }
}
