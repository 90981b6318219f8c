package dev.funclab.runtime.app;

import com.microsoft.azure.functions.spi.inject.FunctionInstanceInjector;
import dev.funclab.runtime.FunctionHost;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.TestApps;
import dev.funclab.runtime.log.HostLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Apps written elsewhere: their own packages, their own injectors, loaded as the Java worker loads them. */
class ForeignAppsTest {

    private static final String INJECTOR_SERVICE = "META-INF/services/" + FunctionInstanceInjector.class.getName();

    @TempDir
    Path folder;

    private static HttpResponse<String> get(FunctionHost host, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(host.baseUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HostLog quietLog() {
        return new HostLog(new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void anAppWhosePackageLiesInTheLibrarysNamespaceIsLoadedFromItsOwnJar() throws Exception {
        Path app = TestApps.packaged(folder.resolve("sample"), "com.microsoft.azure.functions.samples.hello");
        try (FunctionHost host = FunctionHost.start(HostOptions.forApp(app).withPort(0).withEnvironment(Map.of()), quietLog())) {
            HttpResponse<String> response = get(host, "api/sampleLoader");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).as("the loader of the app's own class").isEqualTo("function-app");
        }
    }

    @Test
    void theAppsFunctionInstanceInjectorMakesEveryInstance() throws Exception {
        Path app = TestApps.packaged(folder.resolve("injected"), "fixtures.injected", "{\"version\": \"2.0\"}", Map.of(),
                Map.of(INJECTOR_SERVICE, "fixtures.injected.AppInjector\n"));
        try (FunctionHost host = FunctionHost.start(HostOptions.forApp(app).withPort(0).withEnvironment(Map.of()), quietLog())) {
            HttpResponse<String> first = get(host, "api/injectedGreeting");
            HttpResponse<String> second = get(host, "api/injectedGreeting");
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            assertThat(first.body()).startsWith("Injected hello #");
            assertThat(second.body()).as("the worker asks the injector for every invocation").isNotEqualTo(first.body());
        }
    }

    @Test
    void withoutAnInjectorAClassWithoutANoArgumentConstructorIsRefusedAtStartUp() throws Exception {
        Path app = TestApps.packaged(folder.resolve("uninjected"), "fixtures.injected");
        assertThatThrownBy(() -> FunctionHost.start(HostOptions.forApp(app).withPort(0).withEnvironment(Map.of()), quietLog()).close())
                .hasMessageContaining("injectedGreeting")
                .hasMessageContaining("needs a no-argument constructor")
                .hasMessageContaining("FunctionInstanceInjector");
    }

    @Test
    void twoInjectorsAreRefusedAsTheWorkerRefusesThem() throws Exception {
        Path app = TestApps.packaged(folder.resolve("two"), "fixtures.twoinjectors", "{\"version\": \"2.0\"}", Map.of(),
                Map.of(INJECTOR_SERVICE, "fixtures.twoinjectors.FirstInjector\nfixtures.twoinjectors.SecondInjector\n"));
        assertThatThrownBy(() -> FunctionHost.start(HostOptions.forApp(app).withPort(0).withEnvironment(Map.of()), quietLog()).close())
                .isInstanceOf(AppLoadException.class)
                .hasMessageContaining("2 FunctionInstanceInjector implementations")
                .hasMessageContaining("fixtures.twoinjectors.FirstInjector")
                .hasMessageContaining("fixtures.twoinjectors.SecondInjector");
    }
}
