package dev.funclab.runtime.convert;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the raw data a trigger or binding delivers (text or bytes) into the Java type a function
 * declares, following the Java worker: String and byte[] as they are, Optional of either, scalar
 * types from their text, and anything else (enums, arrays, collections, POJOs) read from JSON
 * by {@link PojoJson}, the worker's Gson.
 */
public final class ValueConverter {

    private static final Map<Class<?>, Function<String, Object>> SCALARS = Map.ofEntries(
            Map.entry(int.class, Integer::valueOf), Map.entry(Integer.class, Integer::valueOf),
            Map.entry(long.class, Long::valueOf), Map.entry(Long.class, Long::valueOf),
            Map.entry(short.class, Short::valueOf), Map.entry(Short.class, Short::valueOf),
            Map.entry(double.class, Double::valueOf), Map.entry(Double.class, Double::valueOf),
            Map.entry(float.class, Float::valueOf), Map.entry(Float.class, Float::valueOf),
            Map.entry(boolean.class, ValueConverter::parseBoolean),
            Map.entry(Boolean.class, ValueConverter::parseBoolean),
            Map.entry(java.math.BigDecimal.class, java.math.BigDecimal::new),
            Map.entry(java.util.UUID.class, java.util.UUID::fromString));

    private ValueConverter() {
    }

    /**
     * Converts {@code raw} (a String, a byte[] or null) to {@code target}.
     *
     * @throws ConversionException when the data does not fit the type; its message says why
     */
    public static Object convert(Object raw, Type target) {
        Class<?> rawClass = rawClass(target);
        if (rawClass == Optional.class) {
            Type inner = typeArgument(target, 0);
            boolean empty = raw == null || (raw instanceof byte[] b && b.length == 0)
                    || (raw instanceof String s && s.isEmpty());
            return empty ? Optional.empty() : Optional.ofNullable(convert(raw, inner));
        }
        if (raw == null) {
            if (rawClass.isPrimitive()) {
                throw new ConversionException("no value was given for a " + rawClass.getName());
            }
            return null;
        }
        if (rawClass == byte[].class) {
            return raw instanceof byte[] bytes ? bytes : text(raw).getBytes(StandardCharsets.UTF_8);
        }
        if (rawClass == String.class || rawClass == Object.class || rawClass == CharSequence.class) {
            return text(raw);
        }
        String text = text(raw);
        Function<String, Object> scalar = SCALARS.get(rawClass);
        if (scalar != null) {
            try {
                return scalar.apply(text.trim());
            } catch (IllegalArgumentException e) {
                throw new ConversionException("'" + abbreviate(text) + "' is not a valid " + rawClass.getSimpleName());
            }
        }
        return PojoJson.read(text, target);
    }

    public static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    /** The n-th type argument of a parameterized type, or Object when the type is raw. */
    public static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private static String text(Object raw) {
        return raw instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : raw.toString();
    }

    private static Object parseBoolean(String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.valueOf(text);
        }
        throw new IllegalArgumentException(text);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
