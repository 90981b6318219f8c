package dev.funclab.runtime;

import dev.funclab.runtime.app.AppLoadException;
import dev.funclab.runtime.app.AppSettings;
import dev.funclab.runtime.app.FunctionApp;
import dev.funclab.runtime.blob.BlobInputSupport;
import dev.funclab.runtime.blob.BlobOutputSupport;
import dev.funclab.runtime.blob.BlobTriggerSupport;
import dev.funclab.runtime.function.Bindings;
import dev.funclab.runtime.function.FunctionConfigurationException;
import dev.funclab.runtime.function.FunctionDefinition;
import dev.funclab.runtime.function.FunctionFactory;
import dev.funclab.runtime.function.FunctionInstances;
import dev.funclab.runtime.function.FunctionScanner;
import dev.funclab.runtime.function.TriggerListener;
import dev.funclab.runtime.function.UnsupportedBindingException;
import dev.funclab.runtime.http.AdminInvocations;
import dev.funclab.runtime.http.FrontDoor;
import dev.funclab.runtime.http.HttpOutputSupport;
import dev.funclab.runtime.http.HttpSettings;
import dev.funclab.runtime.http.HttpTriggerSupport;
import dev.funclab.runtime.invoke.FunctionInvoker;
import dev.funclab.runtime.invoke.Invocation;
import dev.funclab.runtime.invoke.InvocationObserver;
import dev.funclab.runtime.invoke.UserLogLevels;
import dev.funclab.runtime.log.HostLog;
import dev.funclab.runtime.queue.QueueOutputSupport;
import dev.funclab.runtime.queue.QueueTriggerSupport;
import dev.funclab.runtime.sendgrid.SendGridOutputSupport;
import dev.funclab.runtime.storage.StorageAccounts;
import dev.funclab.runtime.storage.WakeUps;
import dev.funclab.runtime.table.TableInputSupport;
import dev.funclab.runtime.table.TableOutputSupport;
import dev.funclab.runtime.timer.TimerTriggerSupport;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One load of the app: its class loader, its checked functions with their bindings, the front door that
 * routes to them and their trigger listeners. The host runs one at a time; a hot reload builds the next
 * beside it, switches, and closes this one, while the server, the storage and the dashboard stay.
 */
final class AppGeneration implements AutoCloseable {

    private final FunctionApp app;
    private final List<FunctionDefinition> functions;
    private final Bindings bindings;
    private final FunctionInvoker invoker;
    private final FrontDoor frontDoor;
    private final HostLog log;
    private final List<TriggerListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closing;
    private Thread listenerStart;

    private AppGeneration(FunctionApp app, List<FunctionDefinition> functions, Bindings bindings, FunctionInvoker invoker,
                          FrontDoor frontDoor, HostLog log) {
        this.app = app;
        this.functions = functions;
        this.bindings = bindings;
        this.invoker = invoker;
        this.frontDoor = frontDoor;
        this.log = log;
    }

    /**
     * Checks every function of {@code app} and makes its front door; nothing runs yet.
     *
     * @throws FunctionConfigurationException when a function cannot be run as written
     */
    static AppGeneration load(FunctionApp app, StorageAccounts storage, HttpSettings http, boolean strict,
                              List<InvocationObserver> observers, HostLog log) {
        HostContext context = new HostContext(hostId(app), app.settings(), app.hostJson(), storage, log, new WakeUps());
        Bindings bindings = bindings(context);
        List<FunctionDefinition> functions = define(app, bindings, strict, log);
        FunctionInvoker invoker = new FunctionInvoker(log, userLogLevels(app), app.hostJson().functionTimeout().orElse(null));
        observers.forEach(invoker::observe);
        FrontDoor frontDoor;
        try {
            frontDoor = new FrontDoor(http, functions, invoker, adminInvocations(functions, bindings), log);
        } catch (FunctionConfigurationException e) {
            throw cannotStart(List.of(e.getMessage()));
        }
        return new AppGeneration(app, functions, bindings, invoker, frontDoor, log);
    }

    FunctionApp app() {
        return app;
    }

    List<FunctionDefinition> functions() {
        return functions;
    }

    FrontDoor frontDoor() {
        return frontDoor;
    }

    /**
     * Starts the queue, blob and timer listeners in the background: the storage SDK takes seconds to
     * warm up, and HTTP functions need not wait for it. Nothing sent meanwhile is missed.
     */
    void startListeners() {
        AppSettings settings = app.settings();
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

    /** How many calls of this app's functions are running now. */
    int running() {
        return invoker.running();
    }

    /** Stops every listener at once, each in its own thread; the caller joins them. Stopped listeners stay stopped. */
    synchronized List<Thread> stopListeners() {
        if (closing) {
            return List.of();
        }
        closing = true;
        try {
            if (listenerStart != null) {
                listenerStart.join(30_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Thread> stopping = new ArrayList<>();
        for (TriggerListener listener : listeners) {
            Thread thread = new Thread(listener::close, "listener-stop");
            thread.start();
            stopping.add(thread);
        }
        return stopping;
    }

    /** Stops the listeners, waits for their calls under way, and lets the class loader go. */
    @Override
    public void close() {
        try {
            for (Thread thread : stopListeners()) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            app.close();
        }
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

    static FunctionConfigurationException cannotStart(List<String> problems) {
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

    private static String describe(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName();
    }
}
