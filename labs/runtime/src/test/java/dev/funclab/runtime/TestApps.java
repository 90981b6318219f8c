package dev.funclab.runtime;

import dev.funclab.runtime.convert.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Builds packaged function apps (host.json, local.settings.json, app jar) from the fixture
 * packages under {@code src/test/java/fixtures}, the way {@code azure-functions:package} lays them out.
 */
public final class TestApps {

    private TestApps() {
    }

    public static Path packaged(Path folder, String fixturePackage, String hostJson, Map<String, String> values) throws IOException {
        return packaged(folder, fixturePackage, hostJson, values, Map.of());
    }

    /** An app jar with {@code resources} (path in the jar to text) beside the classes, such as service files. */
    public static Path packaged(Path folder, String fixturePackage, String hostJson, Map<String, String> values,
                                Map<String, String> resources) throws IOException {
        Files.createDirectories(folder.resolve("lib"));
        Files.writeString(folder.resolve("host.json"), hostJson);
        Files.writeString(folder.resolve("local.settings.json"),
                Json.MAPPER.writeValueAsString(Map.of("IsEncrypted", false, "Values", values)));
        Path classes = testClasses();
        Path packageDir = classes.resolve(fixturePackage.replace('.', '/'));
        try (OutputStream out = Files.newOutputStream(folder.resolve("app.jar"));
             JarOutputStream jar = new JarOutputStream(out);
             Stream<Path> files = Files.walk(packageDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(file));
                jar.closeEntry();
            }
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                jar.putNextEntry(new JarEntry(resource.getKey()));
                jar.write(resource.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return folder;
    }

    public static Path packaged(Path folder, String fixturePackage) throws IOException {
        return packaged(folder, fixturePackage, "{\"version\": \"2.0\"}", Map.of());
    }

    public static List<String> javaCommand(String... arguments) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Stream<String> prefix = Stream.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName());
        return Stream.concat(prefix, Stream.of(arguments)).toList();
    }

    private static Path testClasses() {
        try {
            return Path.of(TestApps.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
