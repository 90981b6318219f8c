package dev.funclab.runtime.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonIOException;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;

import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A function's own objects to and from JSON, exactly as the Java worker converts them: with a
 * default {@code new Gson()} of the worker's version. So what works here works in Azure: classes
 * without a no-argument constructor, {@code @SerializedName}, unknown fields ignored, lenient input
 * such as {@code {"name": Kim}}; and what fails in Azure fails here, with a message that says why
 * (records, and {@code java.time} fields, which Gson cannot reach on Java 17).
 *
 * <p>The host's own files (host.json, local.settings.json) are read with Jackson ({@link Json}).
 */
public final class PojoJson {

    private static final Gson GSON = new Gson();

    private PojoJson() {
    }

    /**
     * Reads JSON text into {@code target}; empty text is null, as in the worker.
     *
     * @throws ConversionException when the text does not fit the type (the sender's fault)
     * @throws IllegalStateException when the type cannot be read by Gson at all (the function's fault)
     */
    public static Object read(String json, Type target) {
        Class<?> rawClass = ValueConverter.rawClass(target);
        if (rawClass.isRecord()) {
            throw new IllegalStateException(rawClass.getName() + " is a record, and the Java worker's JSON library "
                    + "(Gson " + version() + ") cannot fill a record's final fields: declare a class with fields instead");
        }
        try {
            return GSON.fromJson(json, target);
        } catch (StackOverflowError e) {
            // Gson 2.9 reads nested arrays and objects recursively: a hostile body must not take a thread down.
            throw new ConversionException("content is nested too deeply to be read as " + rawClass.getSimpleName());
        } catch (RuntimeException | AssertionError e) {
            if (sendersFault(e)) {
                Object strings = stringElements(json, rawClass);
                if (strings != null) {
                    return strings;
                }
                throw new ConversionException("content is not valid JSON for " + rawClass.getSimpleName() + ": " + reason(e));
            }
            throw new IllegalStateException(rawClass.getName() + " cannot be read from JSON as the Java worker reads it: "
                    + reason(e) + hint(e), e);
        }
    }

    /** The JSON text of a function's value. */
    public static String write(Object value) {
        try {
            return GSON.toJson(value);
        } catch (RuntimeException | AssertionError e) {
            throw new IllegalStateException(value.getClass().getName()
                    + " cannot be written as JSON as the Java worker writes it: " + reason(e) + hint(e), e);
        }
    }

    public static byte[] writeBytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /** A function's value as a JSON tree, for bindings that read its properties (tables, mail). */
    public static JsonNode tree(Object value) {
        try {
            return Json.MAPPER.readTree(write(value));
        } catch (IOException e) {
            throw new IllegalStateException("Gson wrote JSON that cannot be read back: " + e.getMessage(), e);
        }
    }

    /**
     * The worker's one kindness: a JSON array of objects bound to {@code String[]} or
     * {@code List<String>} gives each element's JSON text. Null when that does not apply.
     */
    private static Object stringElements(String json, Class<?> rawClass) {
        boolean wanted = rawClass == String[].class || Collection.class.isAssignableFrom(rawClass);
        if (!wanted) {
            return null;
        }
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(json);
        } catch (JsonParseException notJson) {
            return null;
        }
        if (!parsed.isJsonArray()) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (JsonElement element : (JsonArray) parsed) {
            texts.add(element.toString());
        }
        return rawClass == String[].class ? texts.toArray(String[]::new) : texts;
    }

    /** Bad text (the sender's to fix) rather than a type Gson cannot handle (the function's). */
    private static boolean sendersFault(Throwable e) {
        return e instanceof JsonSyntaxException
                || (e instanceof JsonIOException && String.valueOf(e.getMessage()).contains("not fully consumed"));
    }

    /** Gson's own message, without the exception class names it wraps around it. */
    private static String reason(Throwable e) {
        Throwable deepest = e;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = e.getMessage() != null ? e.getMessage() : deepest.toString();
        return message.replaceFirst("^(?:[a-z]+\\.)+[A-Za-z]+(?:Exception|Error): ", "");
    }

    private static String hint(Throwable e) {
        String text = String.valueOf(e.getMessage()) + (e.getCause() != null ? e.getCause().getMessage() : "");
        return text.contains("java.time") || text.contains("module java.base")
                ? " (Gson cannot reach JDK classes such as java.time on Java 17: keep times as a String or a long)" : "";
    }

    private static String version() {
        String version = Gson.class.getPackage().getImplementationVersion();
        return version != null ? version : "2.9";
    }
}
