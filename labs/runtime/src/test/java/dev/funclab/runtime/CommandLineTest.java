package dev.funclab.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The host as a user starts it: a separate process, reading its app folder like {@code func start}. */
class CommandLineTest {

    @TempDir
    Path folder;

    @Test
    void servesAPackagedAppAndExposesLocalSettingsAsEnvironment() throws Exception {
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.http",
                "{\"version\":\"2.0\",\"extensions\":{\"http\":{\"routePrefix\":\"v1\"}}}",
                Map.of("GREETING_STYLE", "formal"));
        Process process = new ProcessBuilder(TestApps.javaCommand("--port", "0", "--key", "-Vk1", app.toString()))
                .redirectErrorStream(true).start();
        try {
            List<String> output = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String listening = null;
            Instant deadline = Instant.now().plusSeconds(60);
            String line;
            while (listening == null && Instant.now().isBefore(deadline) && (line = reader.readLine()) != null) {
                output.add(line);
                if (line.startsWith("Listening on ")) {
                    listening = line.substring("Listening on ".length());
                }
            }
            assertThat(listening).as("host output: %s", output).isNotNull();
            assertThat(output).contains("Functions:").as("a key that starts with '-' (generated keys can) is the option's value").contains("Function key: -Vk1")
                    .anySatisfy(l -> assertThat(l).matches("\\thello: \\[GET,POST] http://localhost:\\d+/v1/hello"));

            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> env = client.send(HttpRequest.newBuilder(URI.create(listening + "v1/env/GREETING_STYLE")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(env.body()).isEqualTo("GREETING_STYLE=formal");
        } finally {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void withDebugABreakpointInAFunctionHitsOnTheNextCallAndAppSettingsStayEnvironment() throws Exception {
        Path app = TestApps.packaged(folder.resolve("debugged"), "fixtures.http", "{\"version\":\"2.0\"}",
                Map.of("GREETING_STYLE", "formal"));
        int debugPort = 0;
        Process process = null;
        String listening = null;
        // A free port can be taken by another test's server before the debugged JVM binds it: then another port.
        for (int attempt = 1; listening == null; attempt++) {
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                debugPort = free.getLocalPort();
            }
            process = new ProcessBuilder(TestApps.javaCommand("--port", "0", "--debug", String.valueOf(debugPort),
                    app.toString())).redirectErrorStream(true).start();
            try {
                listening = awaitListening(process);
            } catch (AssertionError e) {
                process.destroyForcibly();
                if (attempt == 3 || !e.getMessage().contains("Address already in use")) {
                    throw e;
                }
            }
        }
        try {
            // A debugger attaches as an IDE does (JDI, the API behind them), and stops in the function.
            com.sun.jdi.connect.AttachingConnector socket = com.sun.jdi.Bootstrap.virtualMachineManager().attachingConnectors()
                    .stream().filter(c -> c.transport().name().equals("dt_socket")).findFirst().orElseThrow();
            Map<String, com.sun.jdi.connect.Connector.Argument> arguments = socket.defaultArguments();
            arguments.get("hostname").setValue("127.0.0.1");
            arguments.get("port").setValue(String.valueOf(debugPort));
            com.sun.jdi.VirtualMachine vm = socket.attach(arguments);
            try {
                com.sun.jdi.ReferenceType greeter = vm.classesByName("fixtures.http.Greeter").get(0);
                com.sun.jdi.Location env = greeter.methodsByName("env").get(0).location();
                vm.eventRequestManager().createBreakpointRequest(env).enable();
                var call = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(listening + "api/env/GREETING_STYLE"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                com.sun.jdi.event.EventSet events = vm.eventQueue().remove(30_000);
                assertThat(events).as("an event from the debugged host within 30 s").isNotNull();
                assertThat(events).anySatisfy(event -> assertThat(event).isInstanceOf(com.sun.jdi.event.BreakpointEvent.class));
                assertThat(call).as("the call waits at the breakpoint").isNotDone();
                events.resume();
                assertThat(call.get(30, TimeUnit.SECONDS).body()).isEqualTo("GREETING_STYLE=formal");
            } finally {
                vm.dispose();
            }
        } finally {
            process.destroy();
            assertThat(process.waitFor(40, TimeUnit.SECONDS)).isTrue();
        }
    }

    /**
     * Reads the host's console until it says where it listens; fails with what the host printed if it never does
     * within a minute.
     */
    private static String awaitListening(Process process) throws java.io.IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Instant deadline = Instant.now().plusSeconds(60);
        java.util.List<String> seen = new java.util.ArrayList<>();
        String line;
        while (Instant.now().isBefore(deadline) && (line = reader.readLine()) != null) {
            if (line.startsWith("Listening on ")) {
                Thread drain = new Thread(() -> {
                    try {
                        reader.transferTo(java.io.Writer.nullWriter());
                    } catch (java.io.IOException ignored) {
                        // the host ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return line.substring("Listening on ".length());
            }
            seen.add(line);
        }
        throw new AssertionError("the host never said 'Listening on ...'" + (process.isAlive() ? "" : " and ended with "
                + process.exitValue()) + "; it printed:\n  " + String.join("\n  ", seen));
    }

    @Test
    void aFolderThatIsNotAnAppIsRefusedWithAHint() throws Exception {
        Process process = new ProcessBuilder(TestApps.javaCommand(folder.toString())).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("neither a Maven project").contains("target/azure-functions/<app>");
    }

    @Test
    void helpDescribesTheOptions() throws Exception {
        Process process = new ProcessBuilder(TestApps.javaCommand("--help")).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("--port").contains("--no-auth").contains("--key");
    }
}
