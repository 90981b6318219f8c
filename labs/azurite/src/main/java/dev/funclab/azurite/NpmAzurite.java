package dev.funclab.azurite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
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

    private static final String RESOURCES = "/dev/funclab/azurite/npm/";
    private static final Pattern LISTENING =
            Pattern.compile("Azurite (Blob|Queue|Table) service is successfully listening at http://([^:]+):(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final String connectionString;
    private final String description;
    private final Thread stopAtExit;

    private NpmAzurite(Process process, String connectionString, String description) {
        this.process = process;
        this.connectionString = connectionString;
        this.description = description;
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
                home.resolve("node_modules/azurite/dist/src/azurite.js").toString(),
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
        return new NpmAzurite(process, connection, description);
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
        Path script = home.resolve("exit-with-parent.js");
        byte[] content = resource("exit-with-parent.js");
        try {
            if (!Files.exists(script) || !java.util.Arrays.equals(Files.readAllBytes(script), content)) {
                Path written = Files.createTempFile(home, "exit-with-parent", ".js");
                Files.write(written, content);
                Files.move(written, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new AzuriteUnavailableException("Could not write " + script + ": " + e.getMessage()
                    + ". Set FUNCLAB_CACHE to a writable folder.", e);
        }
        return script;
    }

    /**
     * Installs the pinned Azurite into the cache unless it is there already; returns its folder.
     * Synchronized because a file lock keeps other processes out, not other threads of this JVM
     * (the grader starts several Azurites at once).
     */
    static synchronized Path install(Path cache, Consumer<String> log) {
        byte[] lock = resource("package-lock.json");
        Path home = cache.resolve("azurite-" + version() + "-" + shortHash(lock));
        Path entry = home.resolve("node_modules/azurite/dist/src/azurite.js");
        if (Files.exists(entry)) {
            return home;
        }
        try {
            Files.createDirectories(home);
            try (FileChannel channel = FileChannel.open(home.resolve(".install.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (Files.exists(entry)) {
                    return home; // another process installed it while we waited
                }
                log.accept("Installing Azurite " + version() + " from npm into " + home + " (first use only; about a minute) ...");
                Files.write(home.resolve("package.json"), resource("package.json"));
                Files.write(home.resolve("package-lock.json"), lock);
                runNpm(home);
            }
        } catch (IOException e) {
            throw new AzuriteUnavailableException("Could not install Azurite into " + home + ": " + e.getMessage()
                    + ". Set FUNCLAB_CACHE to a writable folder.", e);
        }
        return home;
    }

    private static void runNpm(Path home) throws IOException {
        Path logFile = home.resolve("npm-install.log");
        Process npm = new ProcessBuilder(Probes.Commands.npm(), "ci", "--no-audit", "--no-fund", "--omit=dev")
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        try {
            if (!npm.waitFor(10, TimeUnit.MINUTES)) {
                npm.destroyForcibly();
                throw new AzuriteUnavailableException("Installing Azurite with npm took over 10 minutes; see " + logFile);
            }
        } catch (InterruptedException e) {
            npm.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AzuriteUnavailableException("Interrupted while installing Azurite", e);
        }
        if (npm.exitValue() != 0) {
            List<String> lines = Files.readAllLines(logFile);
            throw new AzuriteUnavailableException("npm could not install Azurite (exit " + npm.exitValue() + "):\n  "
                    + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()))
                    + "\nCheck that npm can reach its registry (npm ping), then try again. Full log: " + logFile);
        }
    }

    /** The pinned Azurite version, from package.json. */
    static String version() {
        Matcher matcher = Pattern.compile("\"azurite\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(new String(resource("package.json"), StandardCharsets.UTF_8));
        return matcher.find() ? matcher.group(1) : "unknown";
    }

    private static byte[] resource(String name) {
        try (InputStream in = NpmAzurite.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shortHash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // already stopping: the hook runs anyway
        }
    }

    private void stop() {
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
