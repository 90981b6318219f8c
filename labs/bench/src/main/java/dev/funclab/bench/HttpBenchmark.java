package dev.funclab.bench;

import com.sun.net.httpserver.HttpServer;
import dev.funclab.bench.apps.hello.Hello;
import dev.funclab.bench.load.KeepAliveLoad;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.http.HostServer;
import org.eclipse.jetty.server.Server;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * HTTP dispatch: the {@code hello} function through the host against a bare handler on the same server stack
 * (the host's Jetty, thread pool and connector, answering the same text) and against the JDK's own HTTP server,
 * 16 keep-alive connections each, taking turns round by round.
 */
final class HttpBenchmark implements Benchmark {

    static final int CONNECTIONS = 16;
    private static final Duration MAX_WARMUP = Duration.ofSeconds(30);
    private static final byte[] ANSWER = Hello.ANSWER.getBytes(StandardCharsets.UTF_8);

    @Override
    public String name() {
        return "http";
    }

    @Override
    public String description() {
        return "HTTP hello: the host vs a bare Jetty handler and the JDK's HTTP server, 16 keep-alive connections";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        Duration turn = Duration.ofSeconds(context.size(2, 1));
        // Five short rounds even in a short run: one second of 16 connections on 2 cores swings with whatever else
        // the machine does (0.34x-0.71x seen for the same code in CI), and the median of two is no better than either.
        int rounds = context.rounds(5, 5);
        Server jetty = HostServer.create(new BareJetty(), "localhost", 0);
        // Headers and body go out in one segment only without Nagle: with it, each answer waits for a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer jdk = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService jdkThreads = Executors.newFixedThreadPool(CONNECTIONS);
        jdk.setExecutor(jdkThreads);
        jdk.createContext("/api/hello", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", BareJetty.CONTENT_TYPE);
            exchange.sendResponseHeaders(200, ANSWER.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(ANSWER);
            }
        });
        Path app = FunctionApps.packaged(context.folder("http-app"), Hello.class);
        try (HostRun host = HostRun.start(HostOptions.forApp(app), app.resolve("host.log"), null)) {
            jetty.start();
            jdk.start();
            Map<String, URI> targets = new LinkedHashMap<>();
            targets.put("host", host.host().baseUri().resolve("api/hello"));
            targets.put("jetty", URI.create("http://localhost:" + HostServer.port(jetty) + "/api/hello"));
            targets.put("jdk", URI.create("http://localhost:" + jdk.getAddress().getPort() + "/api/hello"));
            // Each server is loaded until the JIT has finished with what it serves, as long in a short run: on 2 cores
            // under load that takes 10-30 s for the host's path, and rounds measured before it measure the compiler.
            for (Map.Entry<String, URI> target : targets.entrySet()) {
                context.progress("http: warming up " + target.getKey() + ": " + warmUp(target.getValue()));
            }
            Map<String, List<KeepAliveLoad.Result>> results = new LinkedHashMap<>();
            List<String> names = new ArrayList<>(targets.keySet());
            for (int round = 0; round < rounds; round++) {
                StringBuilder line = new StringBuilder("http: round " + (round + 1) + "/" + rounds + ":");
                for (int i = 0; i < names.size(); i++) {
                    // Each round starts with another server, so that none always runs on a machine just warmed by another.
                    String name = names.get((round + i) % names.size());
                    KeepAliveLoad.Result result = KeepAliveLoad.run(targets.get(name), CONNECTIONS, turn);
                    results.computeIfAbsent(name, n -> new ArrayList<>()).add(result);
                    line.append(String.format(" %s %,.0f req/s", name, result.requestsPerSecond()));
                }
                context.progress(line.toString());
            }
            Samples ours = rps(results.get("host"));
            return List.of(
                    Figure.rate("http: host vs bare Jetty handler", "req/s", ours, rps(results.get("jetty")), Goal.ratioAtLeast(0.8)),
                    Figure.rate("http: host vs JDK HttpServer", "req/s", ours, rps(results.get("jdk")), Goal.ratioAtLeast(0.7)),
                    Figure.time("http: p50 latency, host vs bare Jetty", "ms", millis(results.get("host"), true),
                            millis(results.get("jetty"), true), Goal.none()),
                    Figure.time("http: p99 latency, host vs bare Jetty", "ms", millis(results.get("host"), false),
                            millis(results.get("jetty"), false), Goal.none()));
        } finally {
            jdk.stop(0);
            jdkThreads.shutdownNow();
            jetty.stop();
        }
    }

    /** Loads {@code uri} a second at a time until the JIT is done with what it serves; says what each second served. */
    private static String warmUp(URI uri) throws Exception {
        return JitWarmUp.run(() -> String.format("%,.0f", KeepAliveLoad.run(uri, CONNECTIONS, Duration.ofSeconds(1))
                .requestsPerSecond()), MAX_WARMUP) + " req/s";
    }

    private static Samples rps(List<KeepAliveLoad.Result> results) {
        return new Samples(results.stream().map(KeepAliveLoad.Result::requestsPerSecond).toList());
    }

    private static Samples millis(List<KeepAliveLoad.Result> results, boolean median) {
        return new Samples(results.stream().map(r -> median ? r.p50Millis() : r.p99Millis()).toList());
    }
}
