package dev.funclab.runtime.app;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * Loads a function app apart from the host, as the Java worker does: the app sees the JDK, its own
 * jars and the shared {@code com.microsoft.azure.functions} API, never the host's own libraries.
 */
final class AppClassLoader extends URLClassLoader {

    private static final String SHARED_API = "com.microsoft.azure.functions.";

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
        if (name.startsWith(SHARED_API)) {
            return host.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
