package dev.funclab.runtime;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

/**
 * How to start a host. Built from the command line or by the test kit; the environment is passed
 * in rather than read, so a host can be started in tests with any settings.
 *
 * @param appDir             a Maven function project, or a packaged app folder
 * @param port               the HTTP port; empty means {@code Host.LocalHttpPort} or 7071; 0 picks a free port
 * @param bindAddress        the address to listen on
 * @param functionKey        a fixed function key, or null for the setting or a generated key
 * @param masterKey          a fixed master key, or null for the setting or a generated key
 * @param checkKeys          false to let every request through, as Core Tools does without --enableAuth
 * @param environment        the process environment the app settings start from
 * @param strict             true to refuse the whole app when a function uses a binding the host does not run
 *                           (by default such a function is listed as in error and the others run, as with Core Tools)
 * @param watch              true to recompile and reload a Maven project's app when its sources change (hot reload)
 */
public record HostOptions(Path appDir, OptionalInt port, String bindAddress, String functionKey, String masterKey,
                          boolean checkKeys, Map<String, String> environment, boolean strict, boolean watch) {

    public static final int DEFAULT_PORT = 7071;

    public static HostOptions forApp(Path appDir) {
        return new HostOptions(appDir, OptionalInt.empty(), "127.0.0.1", null, null, true, System.getenv(), false, false);
    }

    public HostOptions withPort(int port) {
        return new HostOptions(appDir, OptionalInt.of(port), bindAddress, functionKey, masterKey, checkKeys, environment, strict, watch);
    }

    public HostOptions withBindAddress(String address) {
        return new HostOptions(appDir, port, address, functionKey, masterKey, checkKeys, environment, strict, watch);
    }

    public HostOptions withKeys(String functionKey, String masterKey) {
        return new HostOptions(appDir, port, bindAddress, functionKey, masterKey, checkKeys, environment, strict, watch);
    }

    public HostOptions withCheckKeys(boolean checkKeys) {
        return new HostOptions(appDir, port, bindAddress, functionKey, masterKey, checkKeys, environment, strict, watch);
    }

    public HostOptions withEnvironment(Map<String, String> environment) {
        return new HostOptions(appDir, port, bindAddress, functionKey, masterKey, checkKeys, Map.copyOf(environment), strict, watch);
    }

    /** Recompile and reload the app when its sources change (a Maven project folder only). */
    public HostOptions withWatch(boolean watch) {
        return new HostOptions(appDir, port, bindAddress, functionKey, masterKey, checkKeys, environment, strict, watch);
    }

    public HostOptions withStrict(boolean strict) {
        return new HostOptions(appDir, port, bindAddress, functionKey, masterKey, checkKeys, environment, strict, watch);
    }
}
