package dev.funclab.azurite;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Storage for the kit, found or started on demand:
 *
 * <pre>{@code
 * try (StorageEmulator storage = Azurite.provide(null, System.getenv(), false, System.out::println)) {
 *     BlobServiceClient blobs = new BlobServiceClientBuilder().connectionString(storage.connectionString()).buildClient();
 * }
 * }</pre>
 *
 * See {@link AzuriteSelection} for the order in which sources are tried.
 */
public final class Azurite {

    private Azurite() {
    }

    /**
     * @param appSetting        the app's {@code AzureWebJobsStorage}, or null
     * @param environment       the process environment ({@value AzuriteSelection#OVERRIDE_VARIABLE},
     *                          {@code DOCKER_HOST}, {@code FUNCLAB_CACHE}, {@code FUNCLAB_AZURITE_IMAGE})
     * @param shareDefaultPorts true to use an Azurite already running on ports 10000-10002
     * @param log               receives one line saying which storage is used, and install progress
     */
    public static StorageEmulator provide(String appSetting, Map<String, String> environment, boolean shareDefaultPorts,
                                          Consumer<String> log) {
        AzuriteSelection.Choice choice = AzuriteSelection.choose(environment.get(AzuriteSelection.OVERRIDE_VARIABLE),
                appSetting, shareDefaultPorts, Probes.system(environment));
        StorageEmulator storage;
        if (choice instanceof AzuriteSelection.Choice.Existing existing) {
            storage = new Existing(existing.connectionString(), existing.description());
        } else if (choice instanceof AzuriteSelection.Choice.Docker) {
            storage = DockerAzurite.start(environment.get("FUNCLAB_AZURITE_IMAGE"));
        } else {
            storage = NpmAzurite.start(cacheFolder(environment), new int[]{0, 0, 0}, null, log);
        }
        log.accept("Storage: " + storage.description());
        return storage;
    }

    /**
     * What {@code UseDevelopmentStorage=true} means for a host run by hand: the storage of
     * {@value AzuriteSelection#OVERRIDE_VARIABLE} if set, else the Azurite already answering on ports
     * 10000-10002, else a new one there (from npm, data kept in the kit's cache), stopped on close.
     */
    public static StorageEmulator developmentStorage(Map<String, String> environment, Consumer<String> log) {
        String override = environment.get(AzuriteSelection.OVERRIDE_VARIABLE);
        StorageEmulator storage;
        if (override != null && !override.isBlank()) {
            storage = new Existing(DevelopmentStorage.isShorthand(override) ? DevelopmentStorage.defaultConnectionString() : override,
                    "storage from " + AzuriteSelection.OVERRIDE_VARIABLE);
        } else if (Probes.system(environment).defaultPortsAnswer()) {
            storage = new Existing(DevelopmentStorage.defaultConnectionString(), "Azurite already running on ports 10000-10002");
        } else {
            storage = startOnDefaultPorts(cacheFolder(environment).resolve("azurite-data"), environment, log);
        }
        log.accept("Storage: " + storage.description());
        return storage;
    }

    /**
     * Starts Azurite from npm on the default ports 10000-10002, keeping data in {@code location}:
     * what {@code UseDevelopmentStorage=true} and Azure Storage Explorer expect.
     */
    public static StorageEmulator startOnDefaultPorts(Path location, Map<String, String> environment, Consumer<String> log) {
        java.util.Optional<String> node = Probes.system(environment).nodeVersion();
        if (node.isEmpty() || !AzuriteSelection.supportsAzurite(node.get())) {
            throw new AzuriteUnavailableException("Azurite runs on Node.js " + AzuriteSelection.MINIMUM_NODE + " or newer, "
                    + node.map(v -> "and this machine has " + v).orElse("which is not installed") + ". Install it with npm "
                    + "(Debian/Ubuntu: sudo apt-get install nodejs npm, or NodeSource's packages or nvm where apt's is older) and try again.");
        }
        return NpmAzurite.start(cacheFolder(environment), new int[]{DevelopmentStorage.DEFAULT_BLOB_PORT,
                DevelopmentStorage.DEFAULT_QUEUE_PORT, DevelopmentStorage.DEFAULT_TABLE_PORT}, location, log);
    }

    /**
     * Where the kit keeps what it installs (Azurite, eSpeak NG, see {@link NpmPackage}): {@code FUNCLAB_CACHE},
     * else {@code $XDG_CACHE_HOME/funclab}, else {@code ~/.cache/funclab}.
     */
    public static Path cacheFolder(Map<String, String> environment) {
        String configured = environment.get("FUNCLAB_CACHE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("funclab");
    }

    /** Storage someone else runs: nothing to stop. */
    private record Existing(String connectionString, String description) implements StorageEmulator {
        @Override
        public void close() {
        }
    }
}
