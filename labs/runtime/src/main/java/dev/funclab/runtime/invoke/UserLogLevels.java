package dev.funclab.runtime.invoke;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;

/**
 * How much of what functions log is shown: {@code host.json}'s {@code logging.logLevel}, applied as the
 * Functions host applies it to the category {@code Function.<name>.User} (the longest matching
 * category wins, {@code default} otherwise, Information when unset). Levels map as the Java worker maps
 * them: FINE and below are Trace, CONFIG is Debug, INFO Information, WARNING Warning, SEVERE Error.
 */
public final class UserLogLevels {

    private static final Map<String, Level> LEVELS = Map.of(
            "trace", Level.ALL, "debug", Level.CONFIG, "information", Level.INFO, "warning", Level.WARNING,
            "error", Level.SEVERE, "critical", Level.OFF, "none", Level.OFF);

    private final Map<String, Level> byCategory;

    private UserLogLevels(Map<String, Level> byCategory) {
        this.byCategory = byCategory;
    }

    /** Information for everything, the host's default. */
    public static UserLogLevels defaults() {
        return new UserLogLevels(Map.of());
    }

    /**
     * Reads {@code logging.logLevel} of host.json.
     *
     * @throws IllegalArgumentException for a level that is not one of .NET's, naming the category
     */
    public static UserLogLevels of(JsonNode hostJson) {
        Map<String, Level> levels = new LinkedHashMap<>();
        var fields = hostJson.path("logging").path("logLevel").fields();
        while (fields.hasNext()) {
            var field = fields.next();
            Level level = LEVELS.get(field.getValue().asText().toLowerCase(Locale.ROOT));
            if (level == null) {
                throw new IllegalArgumentException("host.json logging.logLevel." + field.getKey() + " is '"
                        + field.getValue().asText() + "'; use one of Trace, Debug, Information, Warning, Error, Critical, None");
            }
            levels.put(field.getKey().toLowerCase(Locale.ROOT), level);
        }
        return new UserLogLevels(levels);
    }

    /** The lowest level shown for what {@code function} logs. */
    public Level forFunction(String function) {
        String category = ("Function." + function + ".User").toLowerCase(Locale.ROOT);
        String best = null;
        for (String prefix : byCategory.keySet()) {
            boolean matches = !prefix.equals("default") && (category.equals(prefix) || category.startsWith(prefix + "."));
            if (matches && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return byCategory.getOrDefault(best == null ? "default" : best, Level.INFO);
    }
}
