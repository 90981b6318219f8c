package dev.funclab.runtime;

import dev.funclab.runtime.app.AppLoadException;
import dev.funclab.runtime.app.LocalSettings;
import dev.funclab.runtime.function.FunctionConfigurationException;
import dev.funclab.runtime.log.HostLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code funclab-host [options] <app folder>}: runs a Java function app like {@code func start}. */
@Command(name = "funclab-host", mixinStandardHelpOptions = true, version = "funclab-host 1.0",
        description = "Runs an Azure Functions Java app locally, like 'func start'.",
        sortOptions = false)
public final class Main implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "APP",
            description = "A Maven function project folder, or a packaged app (target/azure-functions/<app>).")
    Path appDir;

    @Option(names = "--port", paramLabel = "N",
            description = "HTTP port (default: Host.LocalHttpPort in local.settings.json, else 7071; 0 = any free port).")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String bindAddress;

    @Option(names = "--key", paramLabel = "KEY",
            description = "Function key to use instead of a generated one (or set " + FunctionHost.FUNCTION_KEY_SETTING + ").")
    String functionKey;

    @Option(names = "--master-key", paramLabel = "KEY",
            description = "Master key to use instead of a generated one (or set " + FunctionHost.MASTER_KEY_SETTING + ").")
    String masterKey;

    @Option(names = "--no-auth", description = "Do not check keys, like Core Tools without --enableAuth.")
    boolean noAuth;

    @Option(names = "--strict", description = "Refuse to start when a function uses a binding this host does not run "
            + "(by default that function is listed as in error and the others run, as with Core Tools).")
    boolean strict;

    @Option(names = "--watch", description = "Recompile and reload a Maven project's functions when a source file is saved, "
            + "without a restart (scripts/run does this).")
    boolean watch;

    @Option(names = "--debug", paramLabel = "PORT", arity = "0..1", fallbackValue = "5005",
            description = "Run the functions in a JVM that an IDE's debugger can attach to, on PORT (default 5005): "
                    + "breakpoints in your functions hit on the next call.")
    Integer debugPort;

    static final String EXIT_WITH_PARENT = "--exit-with-parent";

    /** For hosts started by another program (the test kit, a relaunch): never outlive it. */
    @Option(names = EXIT_WITH_PARENT, hidden = true)
    boolean exitWithParent;

    /** The command line as given, for a relaunch with the app settings in the environment. */
    private final String[] arguments;

    private Main(String[] arguments) {
        this.arguments = arguments.clone();
    }

    public static void main(String[] args) throws InterruptedException {
        Integer relaunched = QuickRelaunch.run(args);
        if (relaunched != null) {
            System.exit(relaunched);
        }
        // Generated keys may start with '-' ("-Vk..."): still the option's value, never an option of its own.
        System.exit(new CommandLine(new Main(args)).setAllowOptionsAsOptionParameters(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        LocalSettings local;
        try {
            local = LocalSettings.read(appDir.resolve("local.settings.json"));
        } catch (AppLoadException e) {
            System.err.println("Error: " + e.getMessage());
            return 2;
        }
        // App settings must reach System.getenv() in the function code, as in Azure: if they are not
        // in this process's environment yet, run the host again in a child process that has them.
        if (exitWithParent) {
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
                System.err.println("The process that started this host has ended; stopping.");
                System.exit(3);
            }));
        }
        if (debugPort != null && (debugPort < 1 || debugPort > 65535)) {
            System.err.println("Error: --debug needs a port from 1 to 65535 (5005 when none is given), not " + debugPort + ".");
            return 2;
        }
        if (debugPort != null && !EnvironmentRelaunch.isChild()) {
            // The host runs in a child JVM that listens for the debugger and has the app settings as its
            // environment: breakpoints hit, and System.getenv sees what it sees in Azure.
            System.out.println("Debugger: attach to localhost:" + debugPort + " (VS Code: \"Attach to the function host\"; "
                    + "IntelliJ: Run > Attach to Process, or a Remote JVM Debug configuration on that port).");
            return EnvironmentRelaunch.run(local.values(), arguments, EnvironmentRelaunch.debugAgent(debugPort));
        }
        if (EnvironmentRelaunch.isNeeded(local.values())) {
            if (!EnvironmentRelaunch.debuggerAttached()) {
                return EnvironmentRelaunch.run(local.values(), arguments, null);
            }
            System.err.println("Warning: under a debugger the app settings of local.settings.json are not environment "
                    + "variables (System.getenv); set them in your run configuration. Bindings still see them.");
        }
        HostOptions options = HostOptions.forApp(appDir)
                .withBindAddress(bindAddress)
                .withKeys(functionKey, masterKey)
                .withCheckKeys(!noAuth)
                .withStrict(strict)
                .withWatch(watch);
        if (port != null) {
            options = options.withPort(port);
        }
        // The console is written by a thread of its own; what functions print goes out after the host's lines.
        HostLog log = HostLog.inBackground(System.out);
        System.setOut(log.inOrder(stdoutCharset()));
        FunctionHost host;
        try {
            host = FunctionHost.start(options, log);
        } catch (AppLoadException | FunctionConfigurationException e) {
            log.close();
            System.err.println("Error: " + e.getMessage());
            return 2;
        } catch (java.io.IOException e) {
            log.close();
            System.err.println("Error: cannot listen: " + e.getMessage()
                    + ". Is another host running on that port? Stop it or pass --port with another number.");
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                host.close();
            } catch (Exception e) {
                System.err.println("Error while stopping: " + e);
            } finally {
                log.close();
                stopped.countDown();
            }
        }, "host-shutdown"));
        host.join();
        stopped.await();
        return 0;
    }

    /** The charset Java 17 gave {@code System.out}: the terminal's where it said, else the platform's. */
    private static Charset stdoutCharset() {
        String name = System.getProperty("sun.stdout.encoding");
        return name != null && Charset.isSupported(name) ? Charset.forName(name) : Charset.defaultCharset();
    }
}
