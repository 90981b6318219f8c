package dev.funclab.runtime.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a function app's pieces are on disk. Two shapes are understood, the same two that
 * Core Tools users meet: a Maven project folder, and the folder {@code azure-functions:package}
 * writes ({@code target/azure-functions/<app>}: the app jar, {@code lib/}, {@code host.json}).
 *
 * @param root          the folder holding {@code host.json} and {@code local.settings.json}
 * @param functionCode  class folders and jars searched for functions
 * @param classpath     everything the app's class loader sees (function code first)
 */
public record AppLayout(Path root, List<Path> functionCode, List<Path> classpath) {

    /** Written by the lab builds (and by the host when missing): the app's runtime dependencies. */
    public static final String CLASSPATH_FILE = "target/funclab-classpath.txt";

    public Path hostJson() {
        return root.resolve("host.json");
    }

    public Path localSettings() {
        return root.resolve("local.settings.json");
    }

    public static AppLayout of(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new AppLoadException("No folder at " + root + ". Give the folder of a Maven function project "
                    + "or of a packaged app (target/azure-functions/<app>).");
        }
        if (Files.isRegularFile(root.resolve("pom.xml"))) {
            return mavenProject(root);
        }
        List<Path> jars = jarsIn(root);
        if (Files.isRegularFile(root.resolve("host.json")) && !jars.isEmpty()) {
            return packagedApp(root, jars);
        }
        throw new AppLoadException(root + " is neither a Maven project (no pom.xml) nor a packaged function app "
                + "(host.json beside the app jar). Point the host at the project folder, or run "
                + "'mvn package' and use target/azure-functions/<app>.");
    }

    private static AppLayout mavenProject(Path root) {
        Path classes = root.resolve("target/classes");
        if (!Files.isDirectory(classes)) {
            throw new AppLoadException("No compiled classes in " + classes + ". Build the project first: "
                    + "mvn -q compile (in " + root + "), or use scripts/run, which builds for you.");
        }
        List<Path> classpath = new ArrayList<>();
        classpath.add(classes);
        classpath.addAll(MavenClasspath.of(root));
        return new AppLayout(root, List.of(classes), List.copyOf(classpath));
    }

    /** True for a Maven project folder, whose sources the host can compile again (hot reload). */
    public boolean isProject() {
        return Files.isRegularFile(root.resolve("pom.xml"));
    }

    public Path sources() {
        return root.resolve("src/main/java");
    }

    public Path resources() {
        return root.resolve("src/main/resources");
    }

    /** The dependencies alone: what the app's own classes are compiled against. */
    public List<Path> dependencies() {
        return classpath.stream().filter(entry -> !functionCode.contains(entry)).toList();
    }

    /** This layout with the app's own classes taken from {@code classes} instead (a fresh compilation). */
    public AppLayout withClasses(Path classes) {
        List<Path> entries = new ArrayList<>();
        entries.add(classes);
        entries.addAll(dependencies());
        return new AppLayout(root, List.of(classes), List.copyOf(entries));
    }

    private static AppLayout packagedApp(Path root, List<Path> jars) {
        List<Path> classpath = new ArrayList<>(jars);
        classpath.addAll(jarsIn(root.resolve("lib")));
        return new AppLayout(root, jars, List.copyOf(classpath));
    }

    private static List<Path> jarsIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new AppLoadException("Cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
