package dev.funclab.runtime.app;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * App settings as a function sees them: the process environment, then {@code local.settings.json}
 * {@code Values} for names the environment does not define (Core Tools' rule: the environment wins).
 */
public final class AppSettings {

    private final Map<String, String> settings;

    public AppSettings(Map<String, String> environment, Map<String, String> localValues) {
        Map<String, String> merged = new HashMap<>(localValues);
        merged.putAll(environment);
        this.settings = Map.copyOf(merged);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(settings.get(name));
    }
}
