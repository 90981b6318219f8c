package dev.funclab.runtime.convert;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.lang.reflect.Type;

/** Converts a binding-data value (route value, query value, trigger metadata) to a parameter's type. */
public final class BindingValues {

    private BindingValues() {
    }

    public static Object convert(Object value, Type target, String key) {
        Class<?> rawClass = ValueConverter.rawClass(target);
        if (value != null && !(value instanceof String) && !(value instanceof byte[])) {
            if (rawClass.isInstance(value)) {
                return value;
            }
            value = value instanceof java.util.Map<?, ?> || value instanceof java.util.Collection<?>
                    ? asJson(value) : value.toString();
        }
        try {
            return ValueConverter.convert(value, target);
        } catch (ConversionException e) {
            throw new ConversionException("binding data '" + key + "': " + e.getMessage());
        }
    }

    private static String asJson(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
