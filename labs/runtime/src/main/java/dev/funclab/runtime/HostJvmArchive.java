package dev.funclab.runtime;

import dev.funclab.azurite.Azurite;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A class-data-sharing archive for host JVMs (the JDK's AppCDS): the classes a host loads at start-up (Jetty,
 * the Azure SDK, Jackson, the host's own), kept parsed and verified in a file that the next JVM maps in, which
 * takes a few hundred milliseconds off each start. The first host of a class path writes the archive when it
 * exits; later ones use it. One archive per JDK and exact class path (jars' sizes and times included), in the
 * kit's cache, so that a rebuilt jar or another JDK gets its own. The host jar (scripts/run) and the grader's
 * jar get one; a class path with folders (mvn test) cannot. Set FUNCLAB_CDS=off to go without.
 */
public final class HostJvmArchive {

    private static final String SHARED_ARCHIVE = "-XX:SharedArchiveFile=";
    /** Archives a JVM started from here is writing: one writer is enough, and each dump costs seconds at its exit. */
    private static final Set<Path> BEING_WRITTEN = ConcurrentHashMap.newKeySet();
    /** Archives kept in the cache: the host jar's, the grader's and the benchmarks' of a few recent builds. */
    private static final int KEPT_ARCHIVES = 6;

    private final Path archive;
    private final Path writing;
    private final String classPath;
    /** True while the JVM given {@link #jvmOptions()} is the one writing the archive. */
    private boolean writer;

    private HostJvmArchive(Path archive, String classPath) {
        this.archive = archive;
        this.classPath = classPath;
        this.writing = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + System.nanoTime() + ".tmp");
    }

    /**
     * The archive for JVMs started with {@code classPath} by this JDK; none when switched off. Where this JVM was
     * itself started with {@code -XX:SharedArchiveFile} (as scripts/run starts the host, so that the launching
     * JVM maps the same classes in), that file is the one; else one in the kit's cache, named after the class path.
     */
    public static HostJvmArchive forClassPath(String classPath, Map<String, String> environment) {
        // The JDK archives classes from jars only: a class path with a folder (a Maven build's target/classes,
        // as under mvn test) cannot have an archive.
        if ("off".equalsIgnoreCase(environment.getOrDefault("FUNCLAB_CDS", "")) || hasFolders(classPath)) {
            return null;
        }
        Path chosen = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith(SHARED_ARCHIVE)).map(a -> Path.of(a.substring(SHARED_ARCHIVE.length())))
                .reduce((first, second) -> second).orElse(null);
        if (chosen != null) {
            return new HostJvmArchive(chosen.toAbsolutePath(), classPath);
        }
        Path folder = Azurite.cacheFolder(environment).resolve("cds");
        return new HostJvmArchive(folder.resolve("host-" + fingerprint(classPath) + ".jsa"), classPath);
    }

    /** Folders on the class path, or on the Class-Path of its jars' manifests (Surefire's booter jar lists them so). */
    private static boolean hasFolders(String classPath) {
        for (String entry : classPath.split(File.pathSeparator)) {
            File file = new File(entry);
            if (file.isDirectory()) {
                return true;
            }
            if (file.isFile() && entry.endsWith(".jar")) {
                try (JarFile jar = new JarFile(file)) {
                    Manifest manifest = jar.getManifest();
                    String listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                    if (listed != null && Arrays.stream(listed.split(" ")).anyMatch(url -> url.endsWith("/"))) {
                        return true;
                    }
                } catch (IOException e) {
                    return true; // not a jar the JDK could archive from either
                }
            }
        }
        return false;
    }

    /** Whether a JVM option is one of those this class sets, to be left out when a JVM's options are passed on. */
    public static boolean isArchiveOption(String option) {
        return option.startsWith(SHARED_ARCHIVE) || option.startsWith("-XX:ArchiveClassesAtExit=")
                || option.startsWith("-Xshare:") || option.startsWith("-Xlog:cds");
    }

    /**
     * The JVM options to use the archive, or to write it when this JVM exits if there is none yet (or it is older
     * than a jar it was made from): the first JVM started from this process writes it, the ones started meanwhile go
     * without. The JDK's own notes about classes it cannot archive are silenced.
     */
    public synchronized List<String> jvmOptions() {
        if (isCurrent()) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
        if (!BEING_WRITTEN.add(archive)) {
            return List.of();
        }
        writer = true;
        try {
            Files.createDirectories(archive.getParent());
            removeAbandoned();
        } catch (IOException e) {
            jvmEnded();
            return List.of();
        }
        return List.of("-XX:ArchiveClassesAtExit=" + writing, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** After the JVM ended: an archive it wrote takes its place, whole (a JVM killed while writing leaves none). */
    public synchronized void jvmEnded() {
        if (writer) {
            writer = false;
            BEING_WRITTEN.remove(archive);
        }
        if (!Files.isRegularFile(writing)) {
            return;
        }
        try {
            Files.move(writing, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(writing);
            } catch (IOException ignored) {
                // the cache folder is the user's to clean
            }
        }
    }

    /** The archive exists and is newer than every class path entry (the JDK would ignore one that is not). */
    private boolean isCurrent() {
        File file = archive.toFile();
        if (!file.isFile()) {
            return false;
        }
        for (String entry : classPath.split(File.pathSeparator)) {
            if (new File(entry).lastModified() > file.lastModified()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Archives half written an hour ago or more belong to JVMs that were killed: nobody finishes them. Each build of a
     * jar gets an archive of its own (about 20 MB), so only the newest few of the kit's cache folder are kept.
     */
    private void removeAbandoned() throws IOException {
        long hourAgo = System.currentTimeMillis() - 3_600_000;
        try (var files = Files.list(archive.getParent())) {
            List<Path> all = files.toList();
            for (Path file : all.stream().filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
                if (Files.getLastModifiedTime(file).toMillis() < hourAgo) {
                    Files.deleteIfExists(file);
                }
            }
            List<Path> archives = all.stream().filter(f -> f.getFileName().toString().endsWith(".jsa"))
                    .sorted(java.util.Comparator.comparingLong((Path f) -> f.toFile().lastModified()).reversed()).toList();
            for (Path old : archives.subList(Math.min(KEPT_ARCHIVES, archives.size()), archives.size())) {
                Files.deleteIfExists(old); // a JVM that maps it in keeps its mapping
            }
        }
    }

    /** The JDK and every class path entry with its size and time: what decides whether an archive still fits. */
    private static String fingerprint(String classPath) {
        StringBuilder key = new StringBuilder(System.getProperty("java.home")).append('|').append(Runtime.version());
        for (String entry : classPath.split(File.pathSeparator)) {
            File file = new File(entry);
            key.append('|').append(entry).append(':').append(file.length()).append(':').append(file.lastModified());
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
