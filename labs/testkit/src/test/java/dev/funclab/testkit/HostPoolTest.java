package dev.funclab.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Warm hosts: a test class whose host would start as an idle one did gets that JVM, serving its own app. */
class HostPoolTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    private final HostPool pool = HostPool.shared();

    @Test
    void theNextClassWithTheSameSettingsGetsTheWarmHostServingItsOwnApp() throws Exception {
        LabModule first = app("first");
        LabModule second = app("second");
        RunningHost host = pool.lease(first, "FirstTest", Optional.empty(), Map.of());
        assertThat(get(host, "api/first").body()).isEqualTo("first");
        pool.release(host);

        RunningHost warm = pool.lease(second, "SecondTest", Optional.empty(), Map.of());
        try {
            assertThat(warm).as("the same JVM").isSameAs(host);
            assertThat(get(warm, "api/second").body()).isEqualTo("second");
            assertThat(get(warm, "api/first").statusCode()).as("the first app is gone").isEqualTo(404);
            assertThat(warm.logFile()).isEqualTo(second.target().resolve("host-logs/SecondTest.log"));
            assertThat(warm.console()).as("a console of its own").noneMatch(line -> line.contains("Functions.first"))
                    .anyMatch(line -> line.contains("Functions.second"));
            assertThat(Files.readString(first.target().resolve("host-logs/FirstTest.log"))).doesNotContain("Functions.second");
        } finally {
            warm.close();
        }
    }

    @Test
    void otherSettingsGetAHostOfTheirOwn() throws Exception {
        LabModule first = app("first");
        RunningHost host = pool.lease(first, "FirstTest", Optional.empty(), Map.of());
        pool.release(host);

        RunningHost other = pool.lease(first, "OtherTest", Optional.empty(), Map.of("GREETING", "hej"));
        try {
            assertThat(other).isNotSameAs(host);
            assertThat(get(other, "api/first").body()).isEqualTo("first");
        } finally {
            other.close();
            pool.lease(first, "FirstTest", Optional.empty(), Map.of()).close();
        }
    }

    @Test
    void aHostWhoseCallDoesNotEndIsClosedNotKept() throws Exception {
        LabModule stuck = app("stuck");
        RunningHost host = pool.lease(stuck, "StuckTest", Optional.empty(), Map.of());
        HTTP.sendAsync(HttpRequest.newBuilder(host.baseUri().resolve("api/stuck")).build(), HttpResponse.BodyHandlers.ofString());
        Instant deadline = Instant.now().plusSeconds(20);
        while (host.console().stream().noneMatch(line -> line.contains("Executing 'Functions.stuck'"))) {
            assertThat(Instant.now()).as("the call started").isBefore(deadline);
            Thread.sleep(20);
        }

        pool.release(host);

        assertThat(host.isAlive()).isFalse();
        RunningHost next = pool.lease(stuck, "StuckTest", Optional.empty(), Map.of());
        next.close();
        assertThat(next).isNotSameAs(host);
    }

    private static HttpResponse<String> get(RunningHost host, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(host.baseUri().resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A packaged app (host.json beside a jar) of the classes in package {@code poolapps.<name>}. */
    private LabModule app(String name) throws IOException, URISyntaxException {
        Path app = Files.createDirectories(folder.resolve(name));
        Files.writeString(app.resolve("host.json"), "{\"version\": \"2.0\"}");
        Files.writeString(app.resolve("local.settings.json"), "{\"IsEncrypted\": false, \"Values\": {}}");
        Path classes = Path.of(HostPoolTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (OutputStream out = Files.newOutputStream(app.resolve("app.jar"));
             JarOutputStream jar = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes.resolve("poolapps").resolve(name))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(file));
                jar.closeEntry();
            }
        }
        return new LabModule(app);
    }
}
