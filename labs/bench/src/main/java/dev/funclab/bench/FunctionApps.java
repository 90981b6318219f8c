package dev.funclab.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The benchmarks' own function apps (packages under {@code dev.funclab.bench.apps}), laid out as
 * {@code azure-functions:package} does: host.json, local.settings.json and a jar of the package's classes.
 */
final class FunctionApps {

    private FunctionApps() {
    }

    static Path packaged(Path folder, Class<?> function, String hostJson) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("host.json"), hostJson);
        Files.writeString(folder.resolve("local.settings.json"), "{\"IsEncrypted\": false, \"Values\": {}}");
        Path classes = classesFolder();
        Path packageDir = classes.resolve(function.getPackageName().replace('.', '/'));
        try (OutputStream out = Files.newOutputStream(folder.resolve("app.jar"));
             JarOutputStream jar = new JarOutputStream(out);
             Stream<Path> files = Files.walk(packageDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(file));
                jar.closeEntry();
            }
        }
        return folder;
    }

    static Path packaged(Path folder, Class<?> function) throws IOException {
        return packaged(folder, function, "{\"version\": \"2.0\"}");
    }

    private static Path classesFolder() {
        try {
            Path location = Path.of(FunctionApps.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isDirectory(location)) {
                throw new IllegalStateException("Run the benchmarks from their compiled classes (scripts/bench), not from "
                        + location);
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
