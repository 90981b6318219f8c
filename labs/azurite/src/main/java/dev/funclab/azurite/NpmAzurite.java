package dev.funclab.azurite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azurite from npm, at the version pinned in this module's {@code package-lock.json}. It is installed
 * once per machine into the kit's cache (a file lock keeps parallel test runs from installing twice)
 * and started as a child process, on free ports unless told otherwise. The JVM stops it on exit,
 * and it stops itself if the JVM is killed ({@code exit-with-parent.js}).
 */
final class NpmAzurite implements StorageEmulator {

    private static final String ENTRY = "node_modules/azurite/dist/src/azurite.js";
    private static final NpmPackage PACKAGE = NpmPackage.fromResources(NpmAzurite.class, "/dev/funclab/azurite/npm/",
            "Azurite", "azurite", ENTRY, "about a minute");
    private static final Pattern LISTENING =
            Pattern.compile("Azurite (Blob|Queue|Table) service is successfully listening at http://([^:]+):(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final String connectionString;
    private final String description;
    private final Thread stopAtExit;
    /** How it was started, to start it again in the same place. */
    private final Path cache;
    private final int[] ports;
    private final Path location;
    private final Consumer<String> log;

    private NpmAzurite(Process process, String connectionString, String description, Path cache, int[] ports, Path location,
                       Consumer<String> log) {
        this.process = process;
        this.connectionString = connectionString;
        this.description = description;
        this.cache = cache;
        this.ports = ports;
        this.location = location;
        this.log = log;
        this.stopAtExit = new Thread(this::stop, "azurite-stop");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /**
     * @param ports    blob, queue and table ports: zeros for free ports
     * @param location a folder to keep data in, or null to keep it in memory
     */
    static NpmAzurite start(Path cache, int[] ports, Path location, Consumer<String> log) {
        Path home = install(cache, log);
        List<String> command = new ArrayList<>(List.of("node",
                "--require", exitWithParent(home).toString(),
                home.resolve(ENTRY).toString(),
                "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                "--blobPort", String.valueOf(ports[0]), "--queuePort", String.valueOf(ports[1]),
                "--tablePort", String.valueOf(ports[2]),
                "--skipApiVersionCheck", "--disableProductStyleUrl", "--silent"));
        if (location == null) {
            command.addAll(List.of("--inMemoryPersistence", "--extentMemoryLimit", "512"));
        } else {
            command.addAll(List.of("--location", location.toString()));
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AzuriteUnavailableException("Could not start Azurite with node: " + e.getMessage(), e);
        }
        List<String> output = new CopyOnWriteArrayList<>();
        Map<String, Integer> listening = new ConcurrentHashMap<>();
        Thread reader = new Thread(() -> read(process.getInputStream(), output, listening), "azurite-output");
        reader.setDaemon(true);
        reader.start();

        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (listening.size() < 3 && process.isAlive() && Instant.now().isBefore(deadline)) {
            pause();
        }
        if (listening.size() < 3) {
            process.destroyForcibly();
            throw new AzuriteUnavailableException("Azurite did not start" + (location == null ? "" : " in " + location)
                    + ". Its output was:\n  " + String.join("\n  ", output)
                    + (ports[0] != 0 ? "\nIs another Azurite already using ports " + ports[0] + "-" + ports[2] + "?" : ""));
        }
        String connection = DevelopmentStorage.connectionString("127.0.0.1",
                listening.get("Blob"), listening.get("Queue"), listening.get("Table"));
        String description = "Azurite " + version() + " from npm (blob :" + listening.get("Blob") + ", queue :"
                + listening.get("Queue") + ", table :" + listening.get("Table") + ")";
        int[] bound = {listening.get("Blob"), listening.get("Queue"), listening.get("Table")};
        return new NpmAzurite(process, connection, description, cache, bound, location, log);
    }

    private static void read(InputStream stream, List<String> output, Map<String, Integer> listening) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (output.size() < 200) {
                    output.add(line);
                }
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    listening.put(matcher.group(1), Integer.parseInt(matcher.group(3)));
                }
            }
        } catch (IOException ignored) {
            // The process ended; its exit is noticed by the caller.
        }
    }

    /** The script that ends Azurite with its parent, written beside the installation (it may change with the kit). */
    private static Path exitWithParent(Path home) {
        try {
            return NpmPackage.exitWithParent(home);
        } catch (NpmPackage.InstallException e) {
            throw new AzuriteUnavailableException(e.getMessage(), e);
        }
    }

    /** Installs the pinned Azurite into the cache unless it is there already; returns its folder. */
    static Path install(Path cache, Consumer<String> log) {
        try {
            return PACKAGE.install(cache, log);
        } catch (NpmPackage.InstallException e) {
            throw new AzuriteUnavailableException(e.getMessage(), e);
        }
    }

    /** The pinned Azurite version, from package.json. */
    static String version() {
        return PACKAGE.version();
    }

    private static void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AzuriteUnavailableException("Interrupted while starting Azurite", e);
        }
    }

    @Override
    public String connectionString() {
        return connectionString;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        stop();
        removeExitHook();
    }

    @Override
    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void keepRunningUntilClosed() {
        removeExitHook();
    }

    private void removeExitHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // already stopping: the hook runs anyway
        }
    }

    @Override
    public StorageEmulator restart() {
        close();
        return start(cache, ports, location, log);
    }

    @Override
    public boolean inMemory() {
        return location == null;
    }

    private void stop() {
        if (inMemory()) {
            // Nothing to write to disk, and a graceful stop waits for every client's idle keep-alive connection
            // (up to the 10 s below): a grader stopping its Azurites would wait that long for each.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
