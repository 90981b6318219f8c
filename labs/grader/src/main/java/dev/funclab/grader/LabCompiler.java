package dev.funclab.grader;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compiles a lab's {@code src/main} as Maven would ({@code --release 17}, debug information,
 * parameter names) into {@code target/classes}, and copies its resources. Annotation processing
 * is off: nothing of a submission runs inside the grader.
 */
final class LabCompiler {

    /** How it went: the number of source files, and the errors if it failed. */
    record Result(boolean compiled, int sources, List<String> errors) {

        String firstError() {
            return errors.isEmpty() ? "" : errors.get(0).lines().findFirst().orElse("");
        }
    }

    /** The Java release the labs are written for (maven.compiler.release in the kit's pom). */
    private static final int RELEASE = 17;

    private final JavaCompiler javac;

    LabCompiler() {
        javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("No Java compiler here: run the grader with a JDK 17+, not a JRE.");
        }
    }

    Result compile(Path labFolder, List<Path> libraries) throws IOException {
        Path sources = labFolder.resolve("src/main/java");
        Path classes = labFolder.resolve("target/classes");
        Files.createDirectories(classes);
        Path resources = labFolder.resolve("src/main/resources");
        if (Files.isDirectory(resources)) {
            FileTrees.copy(resources, classes);
        }
        List<Path> files = javaFiles(sources);
        if (files.isEmpty()) {
            return new Result(false, 0, List.of("no Java sources in src/main/java"));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ENGLISH, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of("-d", classes.toString(),
                    "-cp", libraries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                    "-g", "-parameters", "-proc:none", "-encoding", "UTF-8", "-nowarn"));
            if (Runtime.version().feature() != RELEASE) {
                // On a newer JDK, compile against Java 17's API as Maven does; on 17 itself that is
                // the JDK's own, and skipping --release spares reading its API table (ct.sym) each time.
                options.addAll(List.of("--release", String.valueOf(RELEASE)));
            }
            boolean ok = javac.getTask(new StringWriter(), fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjectsFromPaths(files)).call();
            List<String> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> describe(labFolder, d)).toList();
            return new Result(ok, files.size(), errors);
        }
    }

    /** {@code src/main/java/com/example/lab1/Hello.java:12: cannot find symbol ...} */
    private static String describe(Path labFolder, Diagnostic<? extends JavaFileObject> diagnostic) {
        String where = diagnostic.getSource() == null ? ""
                : labFolder.relativize(Path.of(diagnostic.getSource().toUri())) + ":" + diagnostic.getLineNumber() + ": ";
        return where + diagnostic.getMessage(Locale.ENGLISH);
    }

    private static List<Path> javaFiles(Path sources) throws IOException {
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(sources)) {
            return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        }
    }
}
