package dev.funclab.azurite;

import java.util.Optional;

/**
 * Decides where storage comes from, in the kit's order: a connection string the user set; an
 * Azurite already on the default ports when the app asks for {@code UseDevelopmentStorage=true}
 * and may share it; Azurite in Docker; Azurite from npm; else a message saying what to install.
 */
public final class AzuriteSelection {

    /** The outcome. */
    public sealed interface Choice {
        /** Use storage that is already there. */
        record Existing(String connectionString, String description) implements Choice {
        }

        record Docker() implements Choice {
        }

        record Npm(String nodeVersion) implements Choice {
        }
    }

    /** Set this to any connection string to make the whole kit use that storage. */
    public static final String OVERRIDE_VARIABLE = "FUNCLAB_STORAGE";

    private AzuriteSelection() {
    }

    /**
     * @param override          {@value #OVERRIDE_VARIABLE} from the environment, or null
     * @param appSetting        the app's {@code AzureWebJobsStorage}, or null
     * @param shareDefaultPorts true for a host run by hand; tests want storage of their own
     */
    public static Choice choose(String override, String appSetting, boolean shareDefaultPorts, Probes probes) {
        if (override != null && !override.isBlank()) {
            return new Choice.Existing(resolve(override), "storage from " + OVERRIDE_VARIABLE);
        }
        if (appSetting != null && !appSetting.isBlank() && !DevelopmentStorage.isShorthand(appSetting)) {
            return new Choice.Existing(appSetting, "storage from AzureWebJobsStorage");
        }
        if (shareDefaultPorts && probes.defaultPortsAnswer()) {
            return new Choice.Existing(DevelopmentStorage.defaultConnectionString(),
                    "Azurite already running on ports 10000-10002");
        }
        if (probes.dockerAnswers()) {
            return new Choice.Docker();
        }
        Optional<String> node = probes.nodeVersion();
        if (node.isPresent() && supportsAzurite(node.get())) {
            return new Choice.Npm(node.get());
        }
        String found = node.map(v -> "Node.js " + v + " is too old for Azurite. ").orElse("");
        throw new AzuriteUnavailableException(("""
                The functions need Azure Storage, and no storage emulator could be found or started. %s
                Do one of these, then try again:
                  - install Node.js %d or newer with npm (Debian/Ubuntu: sudo apt-get install nodejs npm;
                    where that gives an older Node.js, use NodeSource's packages or nvm);
                    the kit then installs and starts Azurite by itself;
                  - or start a Docker engine (the kit then runs Azurite in a container);
                  - or set %s (or AzureWebJobsStorage in local.settings.json) to a storage connection string.""")
                .formatted(found, MINIMUM_NODE, OVERRIDE_VARIABLE));
    }

    /**
     * The oldest Node.js the pinned Azurite runs on. Azurite 3.37 declares Node.js 22 (npm warns
     * {@code EBADENGINE} on 20), yet runs on 20, where the kit is tested; its Azure SDK parts need 20.
     */
    public static final int MINIMUM_NODE = 20;

    /** Whether a {@code node --version} answer ({@code v20.11.1}) is new enough for Azurite. */
    public static boolean supportsAzurite(String nodeVersion) {
        java.util.regex.Matcher major = java.util.regex.Pattern.compile("^v?(\\d+)").matcher(nodeVersion.strip());
        return major.find() && Integer.parseInt(major.group(1)) >= MINIMUM_NODE;
    }

    private static String resolve(String connectionString) {
        return DevelopmentStorage.isShorthand(connectionString) ? DevelopmentStorage.defaultConnectionString() : connectionString;
    }
}
