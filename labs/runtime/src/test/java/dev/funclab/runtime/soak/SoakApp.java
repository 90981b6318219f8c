package dev.funclab.runtime.soak;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The function app the soak runs: written here as source, compiled against the Java library and packaged
 * the way {@code azure-functions:package} lays an app out, so the host meets it as it meets any app
 * written elsewhere. Its queue function fails at random ({@code SOAK_FAILURE_RATE}); every success and
 * every blob seen leaves one message on a queue of results, which the soak counts.
 */
final class SoakApp {

    static final String INPUT_QUEUE = "soak-in";
    static final String DONE_QUEUE = "soak-done";
    static final String BLOB_CONTAINER = "soak-blobs";
    static final String BLOB_DONE_QUEUE = "soak-blob-done";

    private static final String SOURCE = """
            package soak;

            import com.microsoft.azure.functions.*;
            import com.microsoft.azure.functions.annotation.*;
            import java.nio.charset.StandardCharsets;
            import java.util.concurrent.ThreadLocalRandom;

            public class SoakFunctions {

                private static final double FAILURE_RATE = Double.parseDouble(System.getenv("SOAK_FAILURE_RATE"));

                @FunctionName("soakQueue")
                public void queue(
                        @QueueTrigger(name = "item", queueName = "soak-in", connection = "AzureWebJobsStorage") String item,
                        @QueueOutput(name = "done", queueName = "soak-done", connection = "AzureWebJobsStorage")
                        OutputBinding<String> done) {
                    if (ThreadLocalRandom.current().nextDouble() < FAILURE_RATE) {
                        throw new IllegalStateException("a random failure, as the soak asks");
                    }
                    done.setValue(item);
                }

                @FunctionName("soakBlob")
                public void blob(
                        @BlobTrigger(name = "content", path = "soak-blobs/{name}", dataType = "binary",
                                connection = "AzureWebJobsStorage") byte[] content,
                        @QueueOutput(name = "done", queueName = "soak-blob-done", connection = "AzureWebJobsStorage")
                        OutputBinding<String> done) {
                    done.setValue(new String(content, StandardCharsets.UTF_8));
                }

                public static class Order {
                    String item;
                    int quantity;
                }

                @FunctionName("echo")
                public HttpResponseMessage echo(
                        @HttpTrigger(name = "req", methods = HttpMethod.POST, authLevel = AuthorizationLevel.FUNCTION)
                        HttpRequestMessage<Order> request) {
                    Order order = request.getBody();
                    return request.createResponseBuilder(HttpStatus.OK).body(order == null ? "nothing" : order.item).build();
                }

                @FunctionName("item")
                public String item(
                        @HttpTrigger(name = "req", methods = {HttpMethod.GET, HttpMethod.DELETE}, route = "items/{id:int}",
                                authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<String> request,
                        @BindingName("id") int id) {
                    return "item " + id;
                }

                @FunctionName("boom")
                public String boom(
                        @HttpTrigger(name = "req", authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<String> request) {
                    throw new IllegalStateException("the function fails on purpose");
                }
            }
            """;

    private SoakApp() {
    }

    /** Writes, compiles and packages the app into {@code folder}; returns the folder. */
    static Path build(Path folder) throws IOException {
        Path sources = Files.createDirectories(folder.resolve("src/soak"));
        Path classes = Files.createDirectories(folder.resolve("classes"));
        Path app = Files.createDirectories(folder.resolve("app"));
        Path source = sources.resolve("SoakFunctions.java");
        Files.writeString(source, SOURCE);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        String library = jarOf(FunctionName.class) + java.io.File.pathSeparator + jarOf(ExecutionContext.class);
        int status = compiler.run(null, null, errors, "-d", classes.toString(), "-cp", library,
                "--release", "17", source.toString());
        if (status != 0) {
            throw new IllegalStateException("the soak app does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
        }
        try (OutputStream out = Files.newOutputStream(app.resolve("soak-app.jar"));
             JarOutputStream jar = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(file));
                jar.closeEntry();
            }
        }
        Files.writeString(app.resolve("host.json"), """
                {"version": "2.0", "extensions": {"queues": {"maxDequeueCount": 5, "visibilityTimeout": "00:00:00"}}}
                """);
        Files.writeString(app.resolve("local.settings.json"), "{\"IsEncrypted\": false, \"Values\": {}}");
        return app;
    }

    /** The Java library comes in two jars: the annotations, and the core types they use. */
    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The app's HTTP routes, for the fuzz pass. */
    static List<String> routes() {
        return List.of("/api/echo", "/api/items/7", "/api/boom");
    }
}
