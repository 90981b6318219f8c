package dev.funclab.runtime;

import dev.funclab.azurite.Azurite;
import dev.funclab.azurite.StorageEmulator;
import dev.funclab.runtime.app.AppLayout;
import dev.funclab.runtime.app.AppLoadException;
import dev.funclab.runtime.app.AppSettings;
import dev.funclab.runtime.app.FunctionApp;
import dev.funclab.runtime.dashboard.Dashboard;
import dev.funclab.runtime.dashboard.DashboardHandler;
import dev.funclab.runtime.function.FunctionConfigurationException;
import dev.funclab.runtime.function.FunctionDefinition;
import dev.funclab.runtime.http.AppSwitchHandler;
import dev.funclab.runtime.http.CorsPolicy;
import dev.funclab.runtime.http.FunctionKeys;
import dev.funclab.runtime.http.HostServer;
import dev.funclab.runtime.http.HttpLimits;
import dev.funclab.runtime.http.HttpSettings;
import dev.funclab.runtime.log.HostLog;
import dev.funclab.runtime.reload.SourceCompiler;
import dev.funclab.runtime.reload.SourceWatcher;
import dev.funclab.runtime.storage.StorageAccounts;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A running Functions host: the HTTP server, the app's storage and the dashboard, which last as long as the
 * host, and the app as loaded now ({@link AppGeneration}: its functions, front door and trigger listeners),
 * which a hot reload replaces. Everything about the app is checked when it is loaded; requests then run on
 * ready-made definitions.
 */
public final class FunctionHost implements AutoCloseable {

    public static final String FUNCTION_KEY_SETTING = "FUNCLAB_FUNCTION_KEY";
    public static final String MASTER_KEY_SETTING = "FUNCLAB_MASTER_KEY";
    public static final String BODY_LIMIT_SETTING = "FUNCTIONS_REQUEST_BODY_SIZE_LIMIT";

    /** How long calls under way may take to end when the app's triggers stop for a switch to another app. */
    private static final Duration CALLS_END_WAIT = Duration.ofSeconds(5);

    private final HostOptions options;
    private final HttpSettings http;
    private final FunctionKeys keys;
    private final Server server;
    private final StorageAccounts storage;
    private final Dashboard dashboard;
    private final HostLog log;
    /** The app as loaded now, which requests go to; a hot reload puts the next one there. */
    private final CurrentApp current;
    private SourceWatcher watcher;
    private int reloads;
    /** Looks every few seconds whether the Azurite this host started is still alive, and starts it again if not. */
    private final ScheduledExecutorService storageWatch = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "storage-watch");
        thread.setDaemon(true);
        return thread;
    });

    private FunctionHost(HostOptions options, HttpSettings http, CurrentApp current, Server server, StorageAccounts storage,
                         Dashboard dashboard, HostLog log) {
        this.options = options;
        this.http = http;
        this.keys = http.keys();
        this.current = current;
        this.server = server;
        this.storage = storage;
        this.dashboard = dashboard;
        this.log = log;
    }

    /**
     * Loads the app, checks every function and starts listening.
     *
     * @throws dev.funclab.runtime.app.AppLoadException          when the app cannot be loaded
     * @throws FunctionConfigurationException when a function cannot be run as written
     */
    public static FunctionHost start(HostOptions options, HostLog log) throws Exception {
        return start(options, log, () -> Azurite.developmentStorage(options.environment(), log::info));
    }

    /**
     * As {@link #start(HostOptions, HostLog)}, with {@code developmentStorage} standing for what
     * {@code UseDevelopmentStorage=true} means (by default Azurite on ports 10000-10002). The host owns what
     * it gets: it stops it after its own work is done, and starts it again if it dies.
     */
    public static FunctionHost start(HostOptions options, HostLog log, Supplier<StorageEmulator> developmentStorage)
            throws Exception {
        long started = System.nanoTime();
        FunctionApp app = FunctionApp.load(options.appDir(), options.environment());
        AppSettings settings = app.settings();
        StorageAccounts storage = new StorageAccounts(settings, developmentStorage);
        AppGeneration first = null;
        try {
            FunctionKeys keys = new FunctionKeys(
                    firstOf(options.functionKey(), settings.get(FUNCTION_KEY_SETTING).orElse(null), FunctionKeys.newKey()),
                    firstOf(options.masterKey(), settings.get(MASTER_KEY_SETTING).orElse(null), FunctionKeys.newKey()));
            HttpSettings http = new HttpSettings(app.hostJson().routePrefix(), keys, options.checkKeys(), bodyLimit(settings),
                    CorsPolicy.of(app.localSettings().cors(), app.localSettings().corsCredentials()),
                    HttpLimits.of(app.hostJson(), bodyTimeout(settings), log::info));
            Dashboard dashboard = new Dashboard(keys.functionKey(), keys.masterKey(), () -> storage.connectionString(null));
            first = AppGeneration.load(app, storage, http, options.strict(), dashboard.observers(), log);
            dashboard.show(first.functions(), first.frontDoor(), first.app().settings());

            int port = options.port().orElse(app.localSettings().localHttpPort().orElse(HostOptions.DEFAULT_PORT));
            CurrentApp currentApp = new CurrentApp(first);
            SwitchTarget switchTarget = new SwitchTarget();
            Server server = HostServer.create(http.handlers(new AppSwitchHandler(new DashboardHandler(currentApp, dashboard), http,
                    switchTarget)), options.bindAddress(), port);
            FunctionHost host = new FunctionHost(options, http, currentApp, server, storage, dashboard, log);
            switchTarget.host = host;
            server.start();
            host.printBanner((System.nanoTime() - started) / 1_000_000);
            first.startListeners();
            host.storageWatch.scheduleWithFixedDelay(() -> storage.reviveEmulator(log::info), 2, 2, TimeUnit.SECONDS);
            if (options.watch()) {
                host.watchSources();
            }
            return host;
        } catch (Exception | Error e) {
            if (first != null) {
                first.close();
            } else {
                app.close();
            }
            storage.close();
            throw e;
        }
    }

    private void printBanner(long millis) {
        log.plain("");
        log.plain("Functions:");
        log.plain("");
        AppGeneration app = current.get();
        for (FunctionDefinition function : app.functions()) {
            log.plain("\t" + app.frontDoor().describe(function, baseUri())
                    + (AppGeneration.isDisabled(function, app.app().settings()) ? " (disabled)" : ""));
        }
        log.plain("");
        if (http.checkKeys()) {
            log.plain("Function key: " + keys.functionKey());
            log.plain("Master key: " + keys.masterKey());
        } else {
            log.plain("Keys are not checked (--no-auth): every function is open.");
        }
        log.plain("Listening on " + baseUri());
        log.plain("Dashboard: " + dashboard.url(baseUri()) + " (open it in a browser on this machine)");
        log.info("Host started (" + millis + "ms). Press Ctrl+C to stop.");
    }

    /** Recompiles and reloads the app whenever its sources change; only a Maven project has sources. */
    private void watchSources() {
        AppLayout layout = current.get().app().layout();
        if (!layout.isProject()) {
            log.info("Warning: --watch needs a Maven project folder; " + layout.root() + " is a packaged app, so nothing "
                    + "is watched.");
            return;
        }
        watcher = new SourceWatcher(List.of(layout.sources(), layout.resources()), this::reload);
        log.info("Watching " + layout.root().relativize(layout.sources()) + ": a saved change is compiled and live in "
                + "a moment, without a restart.");
    }

    /**
     * Compiles the app's sources into a fresh folder and switches to an app loaded from it, in a new class
     * loader, without stopping the server or storage. If the change does not compile or a function is wrong,
     * the app that runs now keeps running, and the console and the dashboard say why.
     */
    synchronized void reload() {
        long started = System.nanoTime();
        AppLayout layout = current.get().app().layout();
        Path output = layout.root().resolve("target/funclab-reload").resolve(String.valueOf(++reloads));
        SourceCompiler.Result compiled = SourceCompiler.compile(layout, output);
        if (!compiled.succeeded()) {
            refuseReload("The change does not compile; the code from before keeps running:" + System.lineSeparator()
                    + compiled.errors());
            return;
        }
        FunctionApp app = FunctionApp.load(layout.withClasses(compiled.classes()), options.environment());
        AppGeneration next;
        try {
            next = AppGeneration.load(app, storage, http, options.strict(), dashboard.observers(), log);
        } catch (RuntimeException e) {
            app.close();
            refuseReload(e.getMessage() + System.lineSeparator() + "The code from before keeps running.");
            return;
        }
        AppGeneration previous = current.get();
        current.set(next);
        dashboard.show(next.functions(), next.frontDoor(), next.app().settings());
        dashboard.events().appChanged();
        next.startListeners();
        // The previous app's listeners stop and their calls under way finish; its class loader goes a little later,
        // after any HTTP call it was still answering.
        Thread stop = new Thread(() -> {
            for (Thread listener : previous.stopListeners()) {
                try {
                    listener.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            storageWatch.schedule(() -> {
                previous.app().close();
                deleteReloadOutput(previous.app().functionCode());
            }, 30, TimeUnit.SECONDS);
        }, "previous-app-stop");
        stop.setDaemon(true);
        stop.start();
        String done = "Reloaded " + next.functions().size() + " function(s) in " + (System.nanoTime() - started) / 1_000_000
                + " ms.";
        log.info(done);
        dashboard.events().notice("info", done);
    }

    /**
     * Serves the app in {@code appDir} in place of the one served now, loaded as a fresh start of this host would
     * load it (own class loader, every function checked), without a new JVM: what a test kit does to run many test
     * classes on one warm host. The current app's triggers stop first and their calls end; if one does not end, this
     * host is no place for another app ({@link AppSwitchHandler.CallsStillRunning}). The server, keys, storage and
     * dashboard stay, so an app whose host.json or local.settings.json differs needs a host of its own.
     *
     * @throws RuntimeException when the app cannot be loaded; the current one then still answers HTTP calls
     */
    synchronized List<String> serve(Path appDir) throws AppSwitchHandler.CallsStillRunning {
        stopTriggers();
        long started = System.nanoTime();
        FunctionApp app = FunctionApp.load(appDir, options.environment());
        AppGeneration next;
        try {
            next = AppGeneration.load(app, storage, http, options.strict(), dashboard.observers(), log);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        AppGeneration previous = current.get();
        current.set(next);
        previous.app().close();
        dashboard.show(next.functions(), next.frontDoor(), next.app().settings());
        dashboard.events().appChanged();
        log.info("Serving " + appDir + ": " + next.functions().size() + " function(s), loaded in "
                + (System.nanoTime() - started) / 1_000_000 + " ms.");
        next.startListeners();
        return next.functions().stream().map(FunctionDefinition::name).toList();
    }

    /**
     * Stops the triggers of the app served now and waits for their calls, and for HTTP calls under way (a few
     * seconds); HTTP functions still answer.
     *
     * @throws AppSwitchHandler.CallsStillRunning when a call has not ended by then
     */
    synchronized void stopTriggers() throws AppSwitchHandler.CallsStillRunning {
        AppGeneration app = current.get();
        try {
            for (Thread listener : app.stopListeners()) {
                listener.join();
            }
            long deadline = System.nanoTime() + CALLS_END_WAIT.toNanos();
            while (app.running() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (app.running() > 0) {
            throw new AppSwitchHandler.CallsStillRunning(app.running() + " call(s) of the app served now have not ended "
                    + "after its triggers stopped; start a new host.");
        }
    }

    /** The host behind {@link AppSwitchHandler}, known once it is made (the server it belongs to is made first). */
    private static final class SwitchTarget implements AppSwitchHandler.AppSwitch {
        private volatile FunctionHost host;

        @Override
        public List<String> serve(Path folder) throws AppSwitchHandler.CallsStillRunning {
            return host.serve(folder);
        }

        @Override
        public void stopTriggers() throws AppSwitchHandler.CallsStillRunning {
            host.stopTriggers();
        }
    }

    /** A reload's compiled classes go with its class loader; the build's own target/classes stays. */
    private static void deleteReloadOutput(List<Path> folders) {
        for (Path folder : folders) {
            if (folder.getParent() == null || !folder.getParent().getFileName().toString().equals("funclab-reload")) {
                continue;
            }
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (java.io.IOException ignored) {
                // left for mvn clean
            }
        }
    }

    private void refuseReload(String why) {
        log.error(why);
        dashboard.events().notice("error", why);
    }

    public int port() {
        return HostServer.port(server);
    }

    /** {@code http://localhost:7071/} */
    public URI baseUri() {
        return URI.create("http://localhost:" + port() + "/");
    }

    public FunctionKeys keys() {
        return keys;
    }

    public List<FunctionDefinition> functions() {
        return current.get().functions();
    }

    public FunctionApp app() {
        return current.get().app();
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        AppGeneration app = current.get();
        try {
            if (watcher != null) {
                watcher.close();
            }
            // HTTP stops taking calls and every listener stops polling at once; then each waits for its calls
            // under way (HTTP 5 s, triggers 10 s) and puts back what did not finish. Storage goes last.
            dashboard.events().close(); // open pages let go, so that the server need not wait for them
            List<Thread> stopping = new ArrayList<>(app.stopListeners());
            stopping.add(stopInBackground("http-stop", this::stopServer));
            for (Thread thread : stopping) {
                thread.join();
            }
        } finally {
            storageWatch.shutdownNow();
            storage.close();
            app.app().close();
            if (dashboard.cost().bill().total().executions() > 0) {
                log.plain(dashboard.cost().summary());
            }
            log.info("Host stopped.");
        }
    }

    private static Thread stopInBackground(String name, Runnable stop) {
        Thread thread = new Thread(stop, name);
        thread.start();
        return thread;
    }

    private void stopServer() {
        try {
            server.stop();
        } catch (Exception e) {
            log.info("The HTTP server did not stop cleanly: " + e);
        }
    }

    /** The storage accounts of the app, for tools and tests that look at what functions wrote. */
    public StorageAccounts storage() {
        return storage;
    }

    private static long bodyLimit(AppSettings settings) {
        String value = settings.get(BODY_LIMIT_SETTING).orElse(null);
        if (value == null) {
            return HttpSettings.DEFAULT_MAX_REQUEST_BODY_SIZE;
        }
        try {
            long limit = Long.parseLong(value.trim());
            if (limit > 0) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new FunctionConfigurationException("The app setting " + BODY_LIMIT_SETTING + " must be a positive number of bytes, not '"
                + value + "'.");
    }

    private static Duration bodyTimeout(AppSettings settings) {
        String value = settings.get(HttpLimits.BODY_TIMEOUT_SETTING).orElse(null);
        if (value == null) {
            return HttpLimits.DEFAULT_BODY_TIMEOUT;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new FunctionConfigurationException("The app setting " + HttpLimits.BODY_TIMEOUT_SETTING
                + " must be a positive number of seconds, not '" + value + "'.");
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        throw new IllegalStateException("no value");
    }


    /** Hands each request to the front door of the app as loaded now. */
    private static final class CurrentApp extends Handler.Abstract {
        private volatile AppGeneration generation;

        CurrentApp(AppGeneration first) {
            this.generation = first;
        }

        AppGeneration get() {
            return generation;
        }

        void set(AppGeneration next) {
            generation = next;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            return generation.frontDoor().handle(request, response, callback);
        }
    }
}
