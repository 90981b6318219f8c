package dev.funclab.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The usual start ({@code scripts/run}): the app settings of local.settings.json are not in this process's
 * environment yet, so the host runs in a child JVM that has them ({@link EnvironmentRelaunch}). This starts that
 * child before this JVM loads the command line parser, Jackson's object mapper and the host, which made the
 * first JVM cost about a second of a 2.5 s start on 2 cores. Anything unusual (a debugger, an option it does not
 * know, a settings file it cannot read plainly) is left to {@link Main}, which says what is wrong.
 */
final class QuickRelaunch {

    /** Main's options that a plain start uses; any other option (a new one too) takes the full, slower path. */
    private static final Set<String> WITH_VALUE = Set.of("--port", "--host", "--key", "--master-key");
    private static final Set<String> FLAGS = Set.of("--watch", "--no-auth", "--strict");

    private QuickRelaunch() {
    }

    /** @return the child's exit status, or null when {@link Main} should handle this command line itself */
    static Integer run(String[] arguments) throws InterruptedException {
        if (EnvironmentRelaunch.isChild()) {
            return null;
        }
        Path app = appFolder(arguments);
        if (app == null) {
            return null;
        }
        Map<String, String> values = values(app.resolve("local.settings.json"));
        if (values == null || !EnvironmentRelaunch.isNeeded(values) || EnvironmentRelaunch.debuggerAttached()) {
            return null;
        }
        return EnvironmentRelaunch.run(values, arguments, null);
    }

    /** The APP argument, or null when the command line holds anything but the options a plain start uses. */
    private static Path appFolder(String[] arguments) {
        String app = null;
        for (int i = 0; i < arguments.length; i++) {
            String argument = arguments[i];
            if (WITH_VALUE.contains(argument)) {
                i++; // its value may start with '-' (a generated key)
            } else if (argument.startsWith("-")) {
                int equals = argument.indexOf('=');
                if (!FLAGS.contains(argument) && !(equals > 0 && WITH_VALUE.contains(argument.substring(0, equals)))) {
                    return null; // --debug, --help, --exit-with-parent, a mistake...
                }
            } else if (app == null) {
                app = argument;
            } else {
                return null;
            }
        }
        return app == null ? null : Path.of(app);
    }

    /** Values of local.settings.json when each is a string, boolean or integer; otherwise null. */
    private static Map<String, String> values(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        try (JsonParser json = new JsonFactory().createParser(file.toFile())) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.getCurrentName();
                JsonToken token = json.nextToken();
                if (!"Values".equals(field)) {
                    json.skipChildren();
                } else if (token != JsonToken.START_OBJECT) {
                    return null;
                } else {
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        String name = json.getCurrentName();
                        JsonToken value = json.nextToken();
                        if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE
                                && value != JsonToken.VALUE_NUMBER_INT) {
                            return null;
                        }
                        values.put(name, json.getText());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return values;
    }
}
