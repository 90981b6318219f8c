package dev.funclab.bench;

import dev.funclab.runtime.FunctionHost;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.log.HostLog;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A function host in this JVM for a benchmark's app, its console written to a file as when its output is
 * redirected (the cost of logging stays in what is measured).
 */
final class HostRun implements AutoCloseable {

    private final FunctionHost host;
    private final PrintStream console;

    private HostRun(FunctionHost host, PrintStream console) {
        this.host = host;
        this.console = console;
    }

    static HostRun start(Path app, Map<String, String> environment, Consumer<String> lines) throws Exception {
        PrintStream console = System.getenv("BENCH_NULL_LOG") != null ? new PrintStream(java.io.OutputStream.nullOutputStream()) : new PrintStream(new BufferedOutputStream(
                new FileOutputStream(app.resolve("host.log").toFile()), 8192), false, StandardCharsets.UTF_8);
        HostLog log = new HostLog(console);
        if (lines != null) {
            log.addListener(lines);
        }
        try {
            return new HostRun(FunctionHost.start(HostOptions.forApp(app).withPort(0).withEnvironment(environment), log), console);
        } catch (Exception | Error e) {
            console.close();
            throw e;
        }
    }

    FunctionHost host() {
        return host;
    }

    @Override
    public void close() throws Exception {
        try {
            host.close();
        } finally {
            console.close();
        }
    }
}
