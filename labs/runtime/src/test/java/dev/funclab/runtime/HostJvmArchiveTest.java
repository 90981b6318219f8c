package dev.funclab.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The class-data archive of host JVMs: one JVM writes a missing one, the cache keeps the newest few. */
class HostJvmArchiveTest {

    @TempDir
    Path folder;

    @Test
    void onlyTheFirstJvmStartedWritesAMissingArchive() throws Exception {
        Map<String, String> environment = Map.of("FUNCLAB_CACHE", folder.resolve("cache").toString());
        String classPath = jar("app.jar");

        HostJvmArchive first = HostJvmArchive.forClassPath(classPath, environment);
        HostJvmArchive second = HostJvmArchive.forClassPath(classPath, environment);

        assertThat(first.jvmOptions()).anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit="));
        assertThat(second.jvmOptions()).as("started while the first one writes").isEmpty();
        first.jvmEnded(); // ended without writing it (killed, say): the next JVM may try
        assertThat(HostJvmArchive.forClassPath(classPath, environment).jvmOptions())
                .anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit="));
    }

    @Test
    void theCacheKeepsTheNewestArchivesOnly() throws Exception {
        Path cds = Files.createDirectories(folder.resolve("cache/cds"));
        long now = System.currentTimeMillis();
        for (int i = 0; i < 9; i++) {
            Path old = Files.writeString(cds.resolve("host-old" + i + ".jsa"), "archive");
            old.toFile().setLastModified(now - (i + 1) * 60_000L);
        }
        String classPath = jar("other.jar");

        List<String> options = HostJvmArchive.forClassPath(classPath, Map.of("FUNCLAB_CACHE", folder.resolve("cache").toString()))
                .jvmOptions();

        assertThat(options).anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit="));
        try (Stream<Path> files = Files.list(cds)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .containsExactly("host-old0.jsa", "host-old1.jsa", "host-old2.jsa", "host-old3.jsa", "host-old4.jsa",
                            "host-old5.jsa");
        }
    }

    /** An empty jar: the class path of a JVM that can have an archive. */
    private String jar(String name) throws Exception {
        Path jar = folder.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), new Manifest())) {
            out.flush();
        }
        return jar.toString();
    }
}
