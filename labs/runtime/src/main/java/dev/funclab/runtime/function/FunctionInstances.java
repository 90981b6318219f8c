package dev.funclab.runtime.function;

import com.microsoft.azure.functions.spi.inject.FunctionInstanceInjector;
import dev.funclab.runtime.app.AppLoadException;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Makes the object an instance method is called on, anew for every invocation, as the Java worker
 * does: through the app's {@link FunctionInstanceInjector} (the worker's dependency-injection hook,
 * found with {@link ServiceLoader} in the app's jars; Guice, Dagger and Spring apps provide one) when
 * it has one, else with the class's no-argument constructor.
 */
public final class FunctionInstances {

    private final FunctionInstanceInjector injector;

    private FunctionInstances(FunctionInstanceInjector injector) {
        this.injector = injector;
    }

    /** Without an injector: a no-argument constructor per call. */
    public static FunctionInstances byConstructor() {
        return new FunctionInstances(null);
    }

    /** Looks for the app's injector once, at start-up, as the worker does; more than one is an error. */
    public static FunctionInstances of(ClassLoader app) {
        List<FunctionInstanceInjector> found = new ArrayList<>();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(app);
        try {
            ServiceLoader.load(FunctionInstanceInjector.class, app).forEach(found::add);
        } catch (ServiceConfigurationError e) {
            throw new AppLoadException("The app's FunctionInstanceInjector cannot be made: " + e.getMessage()
                    + ". Check META-INF/services/" + FunctionInstanceInjector.class.getName()
                    + " and that the class it names has a public no-argument constructor.", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        if (found.size() > 1) {
            throw new AppLoadException("The app has " + found.size() + " FunctionInstanceInjector implementations ("
                    + found.stream().map(i -> i.getClass().getName()).collect(Collectors.joining(", "))
                    + "); the Java worker accepts one. Keep one in META-INF/services/" + FunctionInstanceInjector.class.getName());
        }
        return new FunctionInstances(found.isEmpty() ? null : found.get(0));
    }

    /** The injector's class name, for the start-up lines; empty without one. */
    public String injectorName() {
        return injector == null ? "" : injector.getClass().getName();
    }

    boolean injects() {
        return injector != null;
    }

    /** The object to call a method of {@code type} on, made by the injector. */
    Object fromInjector(Class<?> type) throws Exception {
        Object instance = injector.getInstance(type);
        if (instance == null) {
            throw new IllegalStateException(injector.getClass().getName() + ".getInstance(" + type.getName()
                    + ") returned null; it must return an instance of the function's class");
        }
        return instance;
    }
}
