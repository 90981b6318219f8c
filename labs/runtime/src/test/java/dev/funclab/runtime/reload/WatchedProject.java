package dev.funclab.runtime.reload;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import dev.funclab.runtime.app.AppLayout;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Maven function project as {@code mvn compile} leaves it (sources, target/classes, the dependency list the lab
 * builds write), for serving with --watch and saving changes to.
 */
public final class WatchedProject {

    private final Path root;

    private WatchedProject(Path root) {
        this.root = root;
    }

    /** Creates the project in {@code root} with one source file, {@code demo/Greeter.java}, compiled. */
    public static WatchedProject create(Path root, String greeterSource) throws Exception {
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.writeString(root.resolve("host.json"), "{\"version\": \"2.0\"}");
        Files.writeString(root.resolve("local.settings.json"), "{\"IsEncrypted\": false, \"Values\": {}}");
        Path classpath = root.resolve(AppLayout.CLASSPATH_FILE);
        Files.createDirectories(classpath.getParent());
        Files.writeString(classpath, jarOf(FunctionName.class) + File.pathSeparator + jarOf(ExecutionContext.class));
        // Newer than the pom, as after a build, so that the host does not ask for one.
        Files.setLastModifiedTime(classpath, FileTime.from(Instant.now().plusSeconds(5)));
        Files.createDirectories(root.resolve("target/classes"));
        WatchedProject project = new WatchedProject(root);
        project.saveGreeter(greeterSource);
        SourceCompiler.Result first = SourceCompiler.compile(AppLayout.of(root), root.resolve("target/classes"));
        assertThat(first.errors()).as("the project's first compilation").isNull();
        return project;
    }

    public Path root() {
        return root;
    }

    /** Saves {@code src/main/java/demo/Greeter.java}, as an editor does. */
    public void saveGreeter(String text) throws IOException {
        Path file = root.resolve("src/main/java/demo/Greeter.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
