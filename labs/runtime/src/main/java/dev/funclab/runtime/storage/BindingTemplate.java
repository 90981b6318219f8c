package dev.funclab.runtime.storage;

import dev.funclab.runtime.app.AppSettings;
import dev.funclab.runtime.convert.ConversionException;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A binding expression such as {@code images/{blobName}} or {@code %OutputContainer%/{rand-guid}.txt}.
 * App settings ({@code %name%}) are resolved once, at start-up; {@code {name}} at each invocation from
 * the trigger's binding data, plus {@code {rand-guid}} and {@code {DateTime}} as in Azure.
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

    /** The names between braces, without the built-in ones. */
    public List<String> parameters() {
        List<String> names = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(template);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!name.equalsIgnoreCase("rand-guid") && !name.equalsIgnoreCase("DateTime")) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * @throws ConversionException when the binding data lacks a value the expression needs
     */
    public String resolve(Map<String, Object> bindingData) {
        Matcher matcher = PARAMETER.matcher(template);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value;
            if (name.equalsIgnoreCase("rand-guid")) {
                value = UUID.randomUUID().toString();
            } else if (name.equalsIgnoreCase("DateTime")) {
                value = DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
            } else {
                Object data = bindingData.get(name);
                if (data == null) {
                    throw new ConversionException("the binding expression '" + template + "' needs {" + name
                            + "}, but the trigger gave no value for it (it gave: " + bindingData.keySet() + ")");
                }
                value = data.toString();
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    @Override
    public String toString() {
        return template;
    }
}
