package dev.funclab.bench;

import dev.funclab.runtime.FunctionHost;
import dev.funclab.runtime.HostOptions;
import dev.funclab.runtime.log.HostLog;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A function host in this JVM for a benchmark's app, its console written to a file as when its output is
 * redirected (the cost of logging stays in what is measured).
 */
final class HostRun implements AutoCloseable {

    private final FunctionHost host;
    private final HostLog log;
    private final PrintStream console;

    private HostRun(FunctionHost host, HostLog log, PrintStream console) {
        this.host = host;
        this.log = log;
        this.console = console;
    }

    /**
     * @param console where the host's console goes
     * @param lines   also gets each console line, or null
     */
    static HostRun start(HostOptions options, Path console, Consumer<String> lines) throws Exception {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(console.toFile()), 8192), false,
                StandardCharsets.UTF_8);
        HostLog log = HostLog.inBackground(out); // as the host's command line writes its console
        if (lines != null) {
            log.addListener(lines);
        }
        try {
            return new HostRun(FunctionHost.start(options.withPort(0), log), log, out);
        } catch (Exception | Error e) {
            log.close();
            out.close();
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
            log.close();
            console.close();
        }
    }
}
