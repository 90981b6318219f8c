package dev.funclab.runtime.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funclab.runtime.app.AppSettings;
import dev.funclab.runtime.convert.ConversionException;
import dev.funclab.runtime.invoke.RandomIds;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A binding expression such as {@code images/{blobName}} or {@code %OutputContainer%/{rand-guid}.txt}.
 * App settings ({@code %name%}) are resolved once, at start-up; {@code {name}} at each invocation from
 * the trigger's binding data, with dotted paths into JSON payloads ({@code {order.id}}, matched without
 * regard to case), plus the built-ins of Azure: {@code {rand-guid}} and {@code {sys.randguid}} (a new
 * GUID), {@code {DateTime}} and {@code {sys.utcnow}} (now, UTC, as {@code 2026-03-02T09-00-00Z}).
 */
public final class BindingTemplate {

    private static final Pattern SETTING = Pattern.compile("%([^%]+)%");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^{}]+)}");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'");

    private final String template;

    private BindingTemplate(String template) {
        this.template = template;
    }

    /**
     * @throws IllegalArgumentException when a {@code %setting%} is not defined
     */
    public static BindingTemplate parse(String text, AppSettings settings) {
        Matcher matcher = SETTING.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = settings.get(name).orElseThrow(() -> new IllegalArgumentException("'" + text + "' uses the app setting %"
                    + name + "%, which is not defined. Add it to Values in local.settings.json"));
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(resolved);
        return new BindingTemplate(resolved.toString());
    }

    /** The names between braces in {@code text} that the trigger must provide: all but the built-in ones. */
    public static List<String> parametersOf(String text) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1).strip();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("rand-guid") && !lower.equals("datetime") && !lower.startsWith("sys.")) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * @throws ConversionException when the binding data lacks a value the expression needs
     */
    public String resolve(Map<String, Object> bindingData) {
        return resolve(bindingData, UnaryOperator.identity());
    }

    /**
     * Resolves with each value from the binding data passed through {@code escape} first, as a table
     * filter quotes them ({@code O'Brien} must stay one string literal).
     *
     * @throws ConversionException when the binding data lacks a value the expression needs
     */
    public String resolve(Map<String, Object> bindingData, UnaryOperator<String> escape) {
        Matcher matcher = PARAMETER.matcher(template);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = builtIn(name);
            if (value == null) {
                Object data = lookUp(bindingData, name);
                if (data == null) {
                    throw new ConversionException("the binding expression '" + template + "' needs {" + name
                            + "}, but the trigger gave no value for it (it gave: " + bindingData.keySet() + ")");
                }
                value = escape.apply(data instanceof JsonNode node && node.isValueNode() ? node.asText() : data.toString());
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    /** The value of a built-in expression, or null when {@code name} is not one. */
    private static String builtIn(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("rand-guid") || lower.equals("sys.randguid")) {
            return RandomIds.uuid();
        }
        if (lower.equals("datetime") || lower.equals("sys.utcnow")) {
            return DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        }
        return null;
    }

    /** {@code name}, or a dotted path ({@code order.id}) into an object of the binding data. */
    private static Object lookUp(Map<String, Object> bindingData, String name) {
        Object direct = bindingData.get(name);
        if (direct != null || !name.contains(".")) {
            return direct;
        }
        String[] path = name.split("\\.");
        Object current = bindingData.get(path[0]);
        for (int i = 1; i < path.length && current != null; i++) {
            current = property(current, path[i]);
        }
        return current;
    }

    private static Object property(Object container, String name) {
        if (container instanceof JsonNode node && node.isObject()) {
            for (var fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                if (field.getKey().equalsIgnoreCase(name)) {
                    return field.getValue().isNull() ? null : field.getValue();
                }
            }
            return null;
        }
        if (container instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (String.valueOf(entry.getKey()).equalsIgnoreCase(name)) {
                    return entry.getValue();
                }
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return template;
    }
}
