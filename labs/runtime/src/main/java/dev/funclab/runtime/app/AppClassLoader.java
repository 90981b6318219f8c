package dev.funclab.runtime.app;

import com.google.gson.Gson;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.spi.inject.FunctionInstanceInjector;

import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSource;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads a function app apart from the host, as the Java worker does: the app sees the JDK, its own
 * jars and the API the host shares with it, never the host's own libraries.
 *
 * <p>Shared are the classes of the Java library (annotations and core types such as
 * {@code ExecutionContext}), of its SPI ({@code FunctionInstanceInjector}) and Gson, taken from the
 * host first, so that both sides mean the same types. The worker shares Gson the same way (it does
 * not relocate it): an app's {@code @SerializedName} is the worker's, whatever Gson the app packs.
 * Anything else, even in the {@code com.microsoft.azure.functions} namespace (an app's own package,
 * SQL or Kafka annotations), comes from the app's jars.
 */
final class AppClassLoader extends URLClassLoader {

    private static final List<String> SHARED_NAMESPACES = List.of("com.microsoft.azure.functions.", "com.google.gson.");

    /** Where the host's copies of the shared API come from: the library, its core types, the SPI, Gson. */
    private static final Set<String> SHARED_LOCATIONS = Stream.of(FunctionName.class, ExecutionContext.class,
                    FunctionInstanceInjector.class, Gson.class)
            .map(type -> type.getProtectionDomain().getCodeSource())
            .filter(Objects::nonNull)
            .map(CodeSource::getLocation)
            .filter(Objects::nonNull)
            .map(URL::toExternalForm)
            .collect(Collectors.toUnmodifiableSet());

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader host;

    AppClassLoader(URL[] classpath, ClassLoader host) {
        super("function-app", classpath, ClassLoader.getPlatformClassLoader());
        this.host = host;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (SHARED_NAMESPACES.stream().anyMatch(name::startsWith) && isShared(name)) {
            return host.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    /** True when the host's copy of the class lives in one of the shared jars. */
    private boolean isShared(String className) {
        URL resource = host.getResource(className.replace('.', '/') + ".class");
        if (resource == null) {
            return false;
        }
        String where = resource.toExternalForm();
        return SHARED_LOCATIONS.stream().anyMatch(location -> where.startsWith(location)
                || where.startsWith("jar:" + location + "!/"));
    }
}
