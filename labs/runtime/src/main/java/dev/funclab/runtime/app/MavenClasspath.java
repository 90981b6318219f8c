package dev.funclab.runtime.app;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The runtime dependencies of a Maven function project. The lab builds write them to
 * {@value AppLayout#CLASSPATH_FILE}; for any other project the host asks Maven once.
 */
final class MavenClasspath {

    private MavenClasspath() {
    }

    static List<Path> of(Path project) {
        Path file = project.resolve(AppLayout.CLASSPATH_FILE);
        if (isStale(file, project.resolve("pom.xml"))) {
            askMaven(project, file);
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? List.of()
                    : Arrays.stream(text.split(File.pathSeparator)).map(Path::of).toList();
        } catch (IOException e) {
            throw new AppLoadException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isStale(Path file, Path pom) {
        try {
            return !Files.exists(file) || Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(pom)) < 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static void askMaven(Path project, Path file) {
        String mvn = System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn";
        ProcessBuilder build = new ProcessBuilder(mvn, "-q", "-B", "dependency:build-classpath",
                "-Dmdep.includeScope=runtime", "-Dmdep.outputFile=" + file)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            Process process = build.start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AppLoadException("Could not list the dependencies of " + project
                        + ". Run 'mvn dependency:build-classpath' there to see why.");
            }
        } catch (IOException e) {
            throw new AppLoadException("The dependencies of " + project + " are not listed in " + file
                    + " and Maven ('" + mvn + "') could not be started to list them. Install Maven or "
                    + "point the host at the packaged app (target/azure-functions/<app>).", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AppLoadException("Interrupted while listing the dependencies of " + project, e);
        }
    }
}
