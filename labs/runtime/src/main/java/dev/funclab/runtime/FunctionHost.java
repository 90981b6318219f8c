package dev.funclab.runtime;

import dev.funclab.azurite.Azurite;
import dev.funclab.azurite.StorageEmulator;
import dev.funclab.runtime.app.AppLoadException;
import dev.funclab.runtime.app.AppSettings;
import dev.funclab.runtime.app.FunctionApp;
import dev.funclab.runtime.blob.BlobInputSupport;
import dev.funclab.runtime.blob.BlobOutputSupport;
import dev.funclab.runtime.blob.BlobTriggerSupport;
import dev.funclab.runtime.function.Bindings;
import dev.funclab.runtime.timer.TimerTriggerSupport;
import dev.funclab.runtime.table.TableInputSupport;
import dev.funclab.runtime.table.TableOutputSupport;
import dev.funclab.runtime.function.FunctionConfigurationException;
import dev.funclab.runtime.function.FunctionDefinition;
import dev.funclab.runtime.function.FunctionFactory;
import dev.funclab.runtime.function.FunctionInstances;
import dev.funclab.runtime.function.UnsupportedBindingException;
import dev.funclab.runtime.function.FunctionScanner;
import dev.funclab.runtime.function.TriggerListener;
import dev.funclab.runtime.queue.QueueOutputSupport;
import dev.funclab.runtime.queue.QueueTriggerSupport;
import dev.funclab.runtime.sendgrid.SendGridOutputSupport;
import dev.funclab.runtime.storage.StorageAccounts;
import dev.funclab.runtime.storage.WakeUps;
import dev.funclab.runtime.dashboard.Dashboard;
import dev.funclab.runtime.dashboard.DashboardHandler;
import dev.funclab.runtime.http.AdminInvocations;
import dev.funclab.runtime.http.CorsPolicy;
import dev.funclab.runtime.http.FrontDoor;
import dev.funclab.runtime.invoke.Invocation;
import dev.funclab.runtime.http.FunctionKeys;
import dev.funclab.runtime.http.HttpOutputSupport;
import dev.funclab.runtime.http.HttpLimits;
import dev.funclab.runtime.http.HttpSettings;
import dev.funclab.runtime.http.HttpTriggerSupport;
import dev.funclab.runtime.invoke.FunctionInvoker;
import dev.funclab.runtime.invoke.UserLogLevels;
import dev.funclab.runtime.log.HostLog;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.lang.reflect.Method;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A running Functions host: one function app, its HTTP front door and (in later kinds) its
 * trigger listeners. Everything about the app is checked at start-up; requests then run on
 * ready-made definitions.
 */
public final class FunctionHost implements AutoCloseable {

    public static final String FUNCTION_KEY_SETTING = "FUNCLAB_FUNCTION_KEY";
    public static final String MASTER_KEY_SETTING = "FUNCLAB_MASTER_KEY";
    public static final String BODY_LIMIT_SETTING = "FUNCTIONS_REQUEST_BODY_SIZE_LIMIT";

    private final FunctionApp app;
    private final List<FunctionDefinition> functions;
    private final FunctionKeys keys;
    private final Server server;
    private final List<TriggerListener> listeners;
    private final StorageAccounts storage;
    private final HostLog log;
    private final Dashboard dashboard;
    private volatile boolean closing;
    private Thread listenerStart;
    /** Looks every few seconds whether the Azurite this host started is still alive, and starts it again if not. */
    private final ScheduledExecutorService storageWatch = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "storage-watch");
        thread.setDaemon(true);
        return thread;
    });

    private FunctionHost(FunctionApp app, List<FunctionDefinition> functions, FunctionKeys keys, Server server,
                         List<TriggerListener> listeners, StorageAccounts storage, Dashboard dashboard, HostLog log) {
        this.app = app;
        this.dashboard = dashboard;
        this.functions = functions;
        this.keys = keys;
        this.server = server;
        this.listeners = listeners;
        this.storage = storage;
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
        List<TriggerListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            HostContext context = new HostContext(hostId(app), settings, app.hostJson(), storage, log, new WakeUps());
            Bindings bindings = bindings(context);
            List<FunctionDefinition> functions = define(app, bindings, options.strict(), log);
            FunctionKeys keys = new FunctionKeys(
                    firstOf(options.functionKey(), settings.get(FUNCTION_KEY_SETTING).orElse(null), FunctionKeys.newKey()),
                    firstOf(options.masterKey(), settings.get(MASTER_KEY_SETTING).orElse(null), FunctionKeys.newKey()));
            HttpSettings http = new HttpSettings(app.hostJson().routePrefix(), keys, options.checkKeys(), bodyLimit(settings),
                    CorsPolicy.of(app.localSettings().cors(), app.localSettings().corsCredentials()),
                    HttpLimits.of(app.hostJson(), bodyTimeout(settings), log::info));
            FunctionInvoker invoker = new FunctionInvoker(log, userLogLevels(app), app.hostJson().functionTimeout().orElse(null));
            FrontDoor frontDoor;
            try {
                frontDoor = new FrontDoor(http, functions, invoker, adminInvocations(functions, bindings), log);
            } catch (FunctionConfigurationException e) {
                throw cannotStart(List.of(e.getMessage()));
            }

            int port = options.port().orElse(app.localSettings().localHttpPort().orElse(HostOptions.DEFAULT_PORT));
            Dashboard dashboard = new Dashboard(functions, frontDoor, keys.functionKey(), keys.masterKey(),
                    () -> storage.connectionString(null));
            invoker.observe(dashboard.events());
            invoker.observe(dashboard.cost());
            Server server = server(http.handlers(new DashboardHandler(frontDoor, dashboard)), options.bindAddress(), port);
            server.start();
            FunctionHost host = new FunctionHost(app, functions, keys, server, listeners, storage, dashboard, log);
            host.printBanner(frontDoor, options.checkKeys(), (System.nanoTime() - started) / 1_000_000);
            host.startListeners(bindings, invoker, settings);
            host.storageWatch.scheduleWithFixedDelay(() -> storage.reviveEmulator(log::info), 2, 2, TimeUnit.SECONDS);
            return host;
        } catch (Exception | Error e) {
            listeners.forEach(TriggerListener::close);
            storage.close();
            app.close();
            throw e;
        }
    }

    /**
     * Starts the queue, blob and timer listeners in the background: the storage SDK takes seconds to
     * warm up, and HTTP functions need not wait for it. Nothing sent meanwhile is missed.
     */
    private void startListeners(Bindings bindings, FunctionInvoker invoker, AppSettings settings) {
        List<FunctionDefinition> triggered = functions.stream()
                .filter(f -> f.trigger(com.microsoft.azure.functions.annotation.HttpTrigger.class).isEmpty())
                .filter(f -> !isDisabled(f, settings))
                .toList();
        if (triggered.isEmpty()) {
            return;
        }
        listenerStart = new Thread(() -> {
            long started = System.nanoTime();
            for (FunctionDefinition function : triggered) {
                if (closing) {
                    return;
                }
                try {
                    TriggerListener listener = bindings.listenerFor(function, invoker);
                    if (listener != null) {
                        listeners.add(listener);
                        listener.start();
                    }
                } catch (RuntimeException e) {
                    log.error("The trigger of '" + function.name() + "' could not start", e);
                }
            }
            log.info("Listening for " + listeners.size() + " trigger(s) (" + (System.nanoTime() - started) / 1_000_000 + "ms).");
        }, "listener-start");
        listenerStart.setDaemon(true);
        listenerStart.start();
    }

    /**
     * {@code AzureWebJobs.<name>.Disabled} set to {@code true} (or 1): the host does not start the
     * function's trigger, as in Azure. HTTP functions still answer locally, as with Core Tools.
     */
    static boolean isDisabled(FunctionDefinition function, AppSettings settings) {
        String value = settings.get("AzureWebJobs." + function.name() + ".Disabled").orElse("").strip();
        return value.equalsIgnoreCase("true") || value.equals("1");
    }

    /** Every trigger and binding kind this host runs. */
    private static Bindings bindings(HostContext context) {
        return new Bindings()
                .trigger(new HttpTriggerSupport())
                .output(new HttpOutputSupport())
                .trigger(new QueueTriggerSupport(context))
                .output(new QueueOutputSupport(context))
                .trigger(new BlobTriggerSupport(context))
                .input(new BlobInputSupport(context))
                .output(new BlobOutputSupport(context))
                .input(new TableInputSupport(context))
                .output(new TableOutputSupport(context))
                .output(new SendGridOutputSupport(context))
                .trigger(new TimerTriggerSupport(context));
    }

    /** What {@code POST /admin/functions/<name>} runs: any function but an HTTP-triggered one. */
    private static AdminInvocations adminInvocations(List<FunctionDefinition> functions, Bindings bindings) {
        return (name, input) -> {
            FunctionDefinition function = functions.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst().orElse(null);
            if (function == null) {
                return AdminInvocations.Outcome.refuse(404, "No function named '" + name + "'.");
            }
            Invocation invocation;
            try {
                invocation = bindings.adminInvocation(function, input);
            } catch (IllegalArgumentException e) {
                return AdminInvocations.Outcome.refuse(400, e.getMessage());
            }
            return invocation == null
                    ? AdminInvocations.Outcome.refuse(400, "'" + function.name() + "' has a " + function.triggerType()
                            + "; call it the way its trigger is meant to be called (an HTTP function at its URL).")
                    : AdminInvocations.Outcome.run(invocation);
        };
    }

    private static UserLogLevels userLogLevels(FunctionApp app) {
        try {
            return UserLogLevels.of(app.hostJson().root());
        } catch (IllegalArgumentException e) {
            throw new AppLoadException(e.getMessage());
        }
    }

    /** The host id, as in blob receipts: the app's folder name, lower case, at most 32 characters. */
    private static String hostId(FunctionApp app) {
        String name = app.layout().root().getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9-]", "-").replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "funclab-host" : name.substring(0, Math.min(32, name.length()));
    }

    /**
     * Every function of the app, checked. A function with a binding the host does not run is listed as in
     * error and the others run, as Core Tools does; with {@code strict} it stops the host, as any other
     * problem does.
     */
    private static List<FunctionDefinition> define(FunctionApp app, Bindings bindings, boolean strict, HostLog log) {
        FunctionInstances instances = FunctionInstances.of(app.classLoader());
        if (!instances.injectorName().isEmpty()) {
            log.info("Function instances are made by " + instances.injectorName() + " (FunctionInstanceInjector)");
        }
        FunctionFactory factory = new FunctionFactory(bindings, instances, warning -> log.info("Warning: " + warning));
        List<String> problems = new ArrayList<>();
        List<String> inError = new ArrayList<>();
        List<Method> methods = new FunctionScanner(app.classLoader(), linkError -> (strict ? problems : inError).add(linkError))
                .scan(app.functionCode());
        List<FunctionDefinition> functions = new ArrayList<>();
        Map<String, Method> byName = new HashMap<>();
        for (Method method : methods) {
            try {
                FunctionDefinition function = factory.create(method);
                Method twin = byName.putIfAbsent(function.name().toLowerCase(), method);
                if (twin != null) {
                    problems.add("Two functions are named '" + function.name() + "': " + describe(twin) + " and "
                            + describe(method) + ". Function names must be unique (ignoring case).");
                    continue;
                }
                functions.add(function);
                warnAboutIgnoredRetries(function, log);
            } catch (UnsupportedBindingException e) {
                (strict ? problems : inError).add(e.getMessage());
            } catch (FunctionConfigurationException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw cannotStart(problems);
        }
        if (!inError.isEmpty()) {
            log.error("The following " + inError.size() + " function" + (inError.size() == 1 ? " is" : "s are")
                    + " in error and will not run (the others do; --strict refuses the app instead):\n  - "
                    + String.join("\n  - ", inError));
        }
        if (functions.isEmpty() && inError.isEmpty()) {
            log.info("No functions found in " + app.functionCode() + ". Functions are public methods annotated "
                    + "@FunctionName; build the app first if you have written some.");
        }
        return List.copyOf(functions);
    }

    private static FunctionConfigurationException cannotStart(List<String> problems) {
        return new FunctionConfigurationException("The host cannot start; fix these functions:\n  - "
                + String.join("\n  - ", problems));
    }

    /** Azure honours retry policies for timer triggers only; queues and blobs have retries of their own. */
    private static void warnAboutIgnoredRetries(FunctionDefinition function, HostLog log) {
        boolean hasRetry = function.method().isAnnotationPresent(com.microsoft.azure.functions.annotation.FixedDelayRetry.class)
                || function.method().isAnnotationPresent(com.microsoft.azure.functions.annotation.ExponentialBackoffRetry.class);
        if (hasRetry && function.trigger(com.microsoft.azure.functions.annotation.TimerTrigger.class).isEmpty()) {
            log.info("Warning: the retry policy of '" + function.name() + "' is ignored: Azure applies retry policies to "
                    + "timer triggers here; a " + function.triggerType() + " retries by its own rules (maxDequeueCount, "
                    + "blob retries).");
        }
    }

    private static Server server(Handler handlers, String address, int port) {
        // Work is bounded before it reaches the pool (connections, calls in flight, body bytes: see
        // HttpLimits), so the pool's job queue stays unbounded, as Jetty requires to avoid deadlocks.
        QueuedThreadPool threads = new QueuedThreadPool(HttpLimits.SERVER_THREADS, 8);
        threads.setName("function-host");
        Server server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(true);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost(address);
        connector.setPort(port);
        // A connection silent this long is closed; a sender that trickles is cut by the body timeout.
        connector.setIdleTimeout(30_000);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(HttpLimits.MAX_CONNECTIONS, connector));
        server.setHandler(handlers);
        server.setStopTimeout(5_000);
        server.setStopAtShutdown(false);
        return server;
    }

    private void printBanner(FrontDoor frontDoor, boolean checkKeys, long millis) {
        log.plain("");
        log.plain("Functions:");
        log.plain("");
        for (FunctionDefinition function : functions) {
            log.plain("\t" + frontDoor.describe(function, baseUri()) + (isDisabled(function, app.settings()) ? " (disabled)" : ""));
        }
        log.plain("");
        if (checkKeys) {
            log.plain("Function key: " + keys.functionKey());
            log.plain("Master key: " + keys.masterKey());
        } else {
            log.plain("Keys are not checked (--no-auth): every function is open.");
        }
        log.plain("Listening on " + baseUri());
        log.plain("Dashboard: " + dashboard.url(baseUri()) + " (open it in a browser on this machine)");
        log.info("Host started (" + millis + "ms). Press Ctrl+C to stop.");
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** {@code http://localhost:7071/} */
    public URI baseUri() {
        return URI.create("http://localhost:" + port() + "/");
    }

    public FunctionKeys keys() {
        return keys;
    }

    public List<FunctionDefinition> functions() {
        return functions;
    }

    public FunctionApp app() {
        return app;
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        closing = true;
        try {
            if (listenerStart != null) {
                listenerStart.join(30_000);
            }
            // HTTP stops taking calls and every listener stops polling at once; then each waits for its calls
            // under way (HTTP 5 s, triggers 10 s) and puts back what did not finish. Storage goes last.
            dashboard.events().close(); // open pages let go, so that the server need not wait for them
            List<Thread> stopping = new ArrayList<>();
            stopping.add(stopInBackground("http-stop", this::stopServer));
            for (TriggerListener listener : listeners) {
                stopping.add(stopInBackground("listener-stop", listener::close));
            }
            for (Thread thread : stopping) {
                thread.join();
            }
        } finally {
            storageWatch.shutdownNow();
            storage.close();
            app.close();
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

    private static String describe(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName();
    }
}
