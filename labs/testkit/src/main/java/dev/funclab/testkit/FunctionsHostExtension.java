package dev.funclab.testkit;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;


/**
 * Starts the lab's host before the first test of a class (so a host that cannot start fails each
 * test with its reason), or takes a warm one from the {@link HostPool} that serves the class's app in a fresh
 * class loader; gives it back after the class; and resolves {@link LabClient},
 * {@link RunningHost} and {@link LabStorage} parameters.
 */
public final class FunctionsHostExtension implements BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FunctionsHostExtension.class);

    /** Every test of the class runs against a started host, whether or not it calls it over HTTP. */
    @Override
    public void beforeEach(ExtensionContext context) {
        RunSettings settings = settings(context);
        settings.deadline().filter(Instant.now()::isAfter).ifPresent(deadline -> {
            throw new AssertionError("Not run: the time limit for grading this submission was reached before this test "
                    + "started. Earlier tests took too long; look for a function that loops or waits.");
        });
        host(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LabClient.class || type == RunningHost.class || type == LabStorage.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == LabStorage.class) {
            return settings(context).labStorage();
        }
        return parameter.getParameter().getType() == LabClient.class ? client(context) : host(context);
    }

    /** A client for the host of this test class (starting it if need be). */
    static LabClient client(ExtensionContext context) {
        return new LabClient(host(context), settings(context).clientTimeout());
    }

    private static RunSettings settings(ExtensionContext context) {
        return RunSettings.from(context::getConfigurationParameter);
    }

    private static RunningHost host(ExtensionContext context) {
        ExtensionContext classContext = outermostClass(context);
        // The stand-ins start first, so that the class's store closes them after the host (last in, first closed).
        Map<String, String> appSettings = appSettings(classContext);
        HostHolder holder = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(HostHolder.class,
                type -> HostHolder.start(settings(context), classContext.getRequiredTestClass().getSimpleName(), appSettings),
                HostHolder.class);
        return holder.host();
    }

    /** The class's {@link AppSetting}s and what its {@link WithStandIns stand-ins} need. */
    private static Map<String, String> appSettings(ExtensionContext classContext) {
        Map<String, String> settings = new LinkedHashMap<>(StandInsExtension.appSettings(classContext));
        Class<?> type = classContext.getRequiredTestClass();
        for (AppSetting setting : type.getAnnotationsByType(AppSetting.class)) {
            settings.put(setting.name(), setting.value());
        }
        return settings;
    }

    /** One host for a test class and all its {@code @Nested} classes. */
    static ExtensionContext outermostClass(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().isPresent() && current.getParent().get().getTestClass().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /** Either a running host or the reason it could not start, kept for the whole test class. */
    private record HostHolder(RunningHost running, RuntimeException failure) implements AutoCloseable {

        static HostHolder start(RunSettings settings, String name, Map<String, String> appSettings) {
            try {
                return new HostHolder(HostPool.shared().lease(settings.module(), name, settings.storage(), appSettings), null);
            } catch (RuntimeException e) {
                return new HostHolder(null, e);
            }
        }

        RunningHost host() {
            if (failure != null) {
                throw failure;
            }
            return running;
        }

        /** The host goes back to the pool, for the next test class that would start one just like it. */
        @Override
        public void close() {
            if (running != null) {
                HostPool.shared().release(running);
            }
        }
    }
}
