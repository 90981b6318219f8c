package dev.funclab.azurite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An npm package pinned by a {@code package.json} and {@code package-lock.json}, installed once per
 * machine into the kit's cache with {@code npm ci}. The folder name carries the version and a hash
 * of the lock file, so a kit that pins something else installs beside the old one instead of over it.
 * A file lock keeps parallel test runs from installing twice.
 *
 * <pre>{@code
 * NpmPackage azurite = NpmPackage.fromResources(NpmAzurite.class, "/dev/funclab/azurite/npm/", "Azurite", "azurite",
 *         "node_modules/azurite/dist/src/azurite.js", "about a minute");
 * Path home = azurite.install(Azurite.cacheFolder(System.getenv()), System.out::println);
 * }</pre>
 */
public final class NpmPackage {

    private static final long PROGRESS_EVERY_SECONDS = 10;

    private static final String EXIT_WITH_PARENT = "/dev/funclab/azurite/npm/exit-with-parent.js";
    /** One monitor per install folder: the file lock keeps other processes out, not other threads of this JVM. */
    private static final Map<Path, Object> INSTALLING = new ConcurrentHashMap<>();

    private final String title;
    private final String dependency;
    private final byte[] packageJson;
    private final byte[] packageLock;
    private final String entry;
    private final String installTime;

    /**
     * @param title       the name people know, for messages ("Azurite")
     * @param dependency  the npm package pinned in {@code packageJson} ("azurite"); it names the install folder
     * @param packageJson the {@code package.json} to install from
     * @param packageLock its {@code package-lock.json}
     * @param entry       a file, relative to the install folder, that exists once the install is complete
     * @param installTime how long a first install takes, for the progress line ("about a minute")
     */
    public NpmPackage(String title, String dependency, byte[] packageJson, byte[] packageLock, String entry, String installTime) {
        this.title = title;
        this.dependency = dependency;
        this.packageJson = packageJson.clone();
        this.packageLock = packageLock.clone();
        this.entry = entry;
        this.installTime = installTime;
    }

    /** The package pinned by {@code package.json} and {@code package-lock.json} in the class path folder {@code folder}. */
    public static NpmPackage fromResources(Class<?> owner, String folder, String title, String dependency, String entry,
                                           String installTime) {
        return new NpmPackage(title, dependency, resource(owner, folder + "package.json"),
                resource(owner, folder + "package-lock.json"), entry, installTime);
    }

    /** The pinned version of the dependency, from package.json ("unknown" if it is not there). */
    public String version() {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(dependency) + "\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(new String(packageJson, StandardCharsets.UTF_8));
        return matcher.find() ? matcher.group(1) : "unknown";
    }

    /**
     * Installs the package into {@code cache} unless it is there already; returns its folder.
     *
     * @throws InstallException when npm fails or the cache is not writable; the message says what to do
     */
    public Path install(Path cache, Consumer<String> log) {
        Path home = cache.resolve(dependency + "-" + version() + "-" + shortHash(packageLock));
        synchronized (INSTALLING.computeIfAbsent(home.toAbsolutePath().normalize(), folder -> new Object())) {
            return installInto(home, log);
        }
    }

    private Path installInto(Path home, Consumer<String> log) {
        Path done = home.resolve(entry);
        if (Files.exists(done)) {
            return home;
        }
        try {
            Files.createDirectories(home);
            try (FileChannel channel = FileChannel.open(home.resolve(".install.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (Files.exists(done)) {
                    return home; // another process installed it while we waited
                }
                log.accept("Installing " + title + " " + version() + " from npm into " + home + " (first use only; "
                        + installTime + ") ...");
                Files.write(home.resolve("package.json"), packageJson);
                Files.write(home.resolve("package-lock.json"), packageLock);
                runNpm(home, log);
            }
        } catch (IOException e) {
            throw new InstallException("Could not install " + title + " into " + home + ": " + e.getMessage()
                    + ". Set FUNCLAB_CACHE to a writable folder.", e);
        }
        return home;
    }

    private void runNpm(Path home, Consumer<String> log) throws IOException {
        Path logFile = home.resolve("npm-install.log");
        Process npm = new ProcessBuilder(Probes.Commands.npm(), "ci", "--no-audit", "--no-fund", "--omit=dev")
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        long started = System.nanoTime();
        try {
            // A first install takes a while: say every few seconds that it is moving, and how far it got.
            while (!npm.waitFor(PROGRESS_EVERY_SECONDS, TimeUnit.SECONDS)) {
                long seconds = (System.nanoTime() - started) / 1_000_000_000L;
                if (seconds > 600) {
                    npm.destroyForcibly();
                    throw new InstallException("Installing " + title + " with npm took over 10 minutes; see " + logFile, null);
                }
                log.accept("  ... still installing " + title + " (" + seconds + " s, " + packagesIn(home)
                        + " packages so far)");
            }
        } catch (InterruptedException e) {
            npm.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InstallException("Interrupted while installing " + title, e);
        }
        if (npm.exitValue() != 0) {
            List<String> lines = Files.readAllLines(logFile);
            throw new InstallException("npm could not install " + title + " (exit " + npm.exitValue() + "):\n  "
                    + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()))
                    + "\nCheck that npm can reach its registry (npm ping), then try again. Full log: " + logFile, null);
        }
    }

    /** How many packages npm has unpacked so far: a progress figure a person can watch grow. */
    private static long packagesIn(Path home) {
        Path modules = home.resolve("node_modules");
        if (!Files.isDirectory(modules)) {
            return 0;
        }
        try (java.util.stream.Stream<Path> entries = Files.list(modules)) {
            return entries.count();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The script to load with {@code node --require} so that a Node.js child stops with the JVM that
     * started it, even a killed one. Written into {@code home} (an install folder), as it may change with the kit.
     */
    public static Path exitWithParent(Path home) {
        return writeScript(home, "exit-with-parent.js", resource(NpmPackage.class, EXIT_WITH_PARENT));
    }

    /**
     * Writes a script of the kit into an install folder, where its imports find the installed packages,
     * unless it is there with this content already. The write is atomic: a Node.js process starting at
     * the same time reads the old script or the new one, never half of one.
     */
    public static Path writeScript(Path home, String fileName, byte[] content) {
        Path script = home.resolve(fileName);
        try {
            if (!Files.exists(script) || !Arrays.equals(Files.readAllBytes(script), content)) {
                Path written = Files.createTempFile(home, fileName, ".tmp");
                Files.write(written, content);
                Files.move(written, script, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new InstallException("Could not write " + script + ": " + e.getMessage()
                    + ". Set FUNCLAB_CACHE to a writable folder.", e);
        }
        return script;
    }

    private static byte[] resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
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

    /** The package could not be installed or prepared; the message says why and what to do. */
    public static final class InstallException extends RuntimeException {
        public InstallException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
