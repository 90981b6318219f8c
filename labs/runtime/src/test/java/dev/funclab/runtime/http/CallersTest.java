package dev.funclab.runtime.http;

import dev.funclab.runtime.FunctionHost;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.TestApps;
import dev.funclab.runtime.log.HostLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Even with --no-auth, a web page on another origin cannot drive the admin endpoints, nor can a DNS name
 * rebound to this machine; the list of routes is shown to callers on this machine only.
 */
class CallersTest {

    @TempDir
    static Path folder;

    static FunctionHost host;

    @BeforeAll
    static void startHost() throws Exception {
        Path app = TestApps.packaged(folder.resolve("app"), "fixtures.http");
        host = FunctionHost.start(HostOptions.forApp(app).withPort(0).withBindAddress("0.0.0.0").withCheckKeys(false)
                .withEnvironment(Map.of()), new HostLog(new PrintStream(new ByteArrayOutputStream())));
    }

    @AfterAll
    static void stopHost() throws Exception {
        host.close();
    }

    private static String request(String address, String method, String path, String... headers) throws Exception {
        StringBuilder text = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        if (java.util.Arrays.stream(headers).noneMatch(h -> h.startsWith("Host:"))) {
            text.append("Host: localhost:").append(host.port()).append("\r\n");
        }
        for (String header : headers) {
            text.append(header).append("\r\n");
        }
        text.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
        try (Socket socket = new Socket(address, host.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aPageOnAnotherOriginCannotCallTheAdminEndpointsEvenWithoutKeys() throws Exception {
        assertThat(request("127.0.0.1", "GET", "/admin/functions", "Origin: http://evil.example"))
                .startsWith("HTTP/1.1 403").contains("another origin (http://evil.example)");
        assertThat(request("127.0.0.1", "POST", "/admin/functions/hello", "Origin: null")).startsWith("HTTP/1.1 403");
        assertThat(request("127.0.0.1", "GET", "/admin/functions", "Origin: http://localhost:" + host.port()))
                .as("the host's own pages may").startsWith("HTTP/1.1 200");
        assertThat(request("127.0.0.1", "GET", "/admin/functions")).as("curl sends no Origin").startsWith("HTTP/1.1 200");
    }

    @Test
    void aRequestNamingAnotherHostOnALoopbackConnectionIsRefusedAsDnsRebinding() throws Exception {
        String rebound = request("127.0.0.1", "GET", "/admin/functions", "Host: attacker.example:" + host.port());
        assertThat(rebound).startsWith("HTTP/1.1 403").contains("'attacker.example'");
    }

    @Test
    void theDashboardRefusesARequestNamingAnotherHostAndAnotherLocalOrigin() throws Exception {
        assertThat(request("127.0.0.1", "GET", "/admin/dashboard/state")).startsWith("HTTP/1.1 200").contains("masterKey");
        assertThat(request("127.0.0.1", "GET", "/admin/dashboard/state", "Host: attacker.example:" + host.port()))
                .as("a DNS name rebound to 127.0.0.1 must not read the keys").startsWith("HTTP/1.1 403")
                .contains("'attacker.example'").doesNotContain("masterKey");
        assertThat(request("127.0.0.1", "GET", "/admin/dashboard/state", "Origin: http://localhost:3000"))
                .as("another page on this machine must not read the keys either").startsWith("HTTP/1.1 403")
                .doesNotContain("masterKey");
    }

    @Test
    void theRoutesAreListedToCallersOnThisMachineOnly() throws Exception {
        assertThat(request("127.0.0.1", "GET", "/api/nowhere")).startsWith("HTTP/1.1 404").contains("This host serves:");
        Optional<InetAddress> lan = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(n -> Collections.list(n.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()).findFirst();
        assumeThat(lan).as("a network address of this machine other than loopback").isPresent();
        String fromNetwork = request(lan.get().getHostAddress(), "GET", "/api/nowhere");
        assertThat(fromNetwork).startsWith("HTTP/1.1 404").doesNotContain("This host serves:");
    }
}
