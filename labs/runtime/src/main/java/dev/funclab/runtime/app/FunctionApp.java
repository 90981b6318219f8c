package dev.funclab.runtime.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A function app on disk, loaded: its layout, settings and its own class loader. */
public final class FunctionApp implements AutoCloseable {

    private final AppLayout layout;
    private final HostJson hostJson;
    private final LocalSettings localSettings;
    private final AppSettings settings;
    private final AppClassLoader classLoader;

    private FunctionApp(AppLayout layout, HostJson hostJson, LocalSettings localSettings, AppSettings settings,
                        AppClassLoader classLoader) {
        this.layout = layout;
        this.hostJson = hostJson;
        this.localSettings = localSettings;
        this.settings = settings;
        this.classLoader = classLoader;
    }

    public static FunctionApp load(Path folder, Map<String, String> environment) {
        return load(AppLayout.of(folder), environment);
    }

    /** The app of {@code layout}, in a class loader of its own: each reload gets a fresh one. */
    public static FunctionApp load(AppLayout layout, Map<String, String> environment) {
        HostJson hostJson = HostJson.read(layout.hostJson());
        LocalSettings localSettings = LocalSettings.read(layout.localSettings());
        AppSettings settings = new AppSettings(environment, localSettings.values());
        URL[] urls = layout.classpath().stream().map(FunctionApp::toUrl).toArray(URL[]::new);
        return new FunctionApp(layout, hostJson, localSettings, settings,
                new AppClassLoader(urls, FunctionApp.class.getClassLoader()));
    }

    public AppLayout layout() {
        return layout;
    }

    public HostJson hostJson() {
        return hostJson;
    }

    public LocalSettings localSettings() {
        return localSettings;
    }

    public AppSettings settings() {
        return settings;
    }

    public ClassLoader classLoader() {
        return classLoader;
    }

    public List<Path> functionCode() {
        return layout.functionCode();
    }

    @Override
    public void close() {
        try {
            classLoader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL toUrl(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new AppLoadException("Bad classpath entry " + path, e);
        }
    }
}
