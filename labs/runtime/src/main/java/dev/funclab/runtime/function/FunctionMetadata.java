package dev.funclab.runtime.function;

import com.microsoft.azure.functions.annotation.CustomBinding;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A function as {@code GET /admin/functions/<name>} describes it in Azure: its name and its
 * {@code function.json} bindings, read from the annotations as {@code azure-functions:package} reads them
 * (type {@code blob} for {@code @BlobOutput}, direction {@code in} or {@code out}, and every attribute set).
 */
public final class FunctionMetadata {

    private FunctionMetadata() {
    }

    public static Map<String, Object> of(FunctionDefinition function) {
        List<Map<String, Object>> bindings = new ArrayList<>();
        for (Parameter parameter : function.method().getParameters()) {
            for (Annotation annotation : parameter.getAnnotations()) {
                binding(annotation).ifPresent(bindings::add);
            }
        }
        for (Annotation annotation : function.method().getAnnotations()) {
            binding(annotation).ifPresent(bindings::add);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", function.name());
        metadata.put("language", "java");
        metadata.put("config", Map.of("bindings", bindings));
        return metadata;
    }

    /** A binding annotation: one whose name ends in Trigger, Input or Output, or that is a custom binding. */
    private static java.util.Optional<Map<String, Object>> binding(Annotation annotation) {
        Class<? extends Annotation> kind = annotation.annotationType();
        String simple = kind.getSimpleName();
        CustomBinding custom = annotation instanceof CustomBinding direct ? direct : kind.getAnnotation(CustomBinding.class);
        String type;
        String direction;
        if (custom != null) {
            type = custom.type();
            direction = custom.direction();
        } else if (simple.endsWith("Trigger")) {
            type = lowerFirst(simple);
            direction = "in";
        } else if (simple.endsWith("Input")) {
            type = lowerFirst(simple.substring(0, simple.length() - "Input".length()));
            direction = "in";
        } else if (simple.endsWith("Output")) {
            type = lowerFirst(simple.substring(0, simple.length() - "Output".length()));
            direction = "out";
        } else {
            return java.util.Optional.empty();
        }
        Map<String, Object> binding = new LinkedHashMap<>();
        binding.put("type", type);
        binding.put("direction", direction);
        for (Method attribute : kind.getDeclaredMethods()) {
            Object value = valueOf(annotation, attribute);
            boolean set = attribute.getName().equals("name") || !Objects.deepEquals(value, attribute.getDefaultValue());
            if (value != null && set && !(annotation instanceof CustomBinding && !attribute.getName().equals("name"))) {
                binding.put(attribute.getName(), value.getClass().isArray() ? Arrays.asList(boxed(value)) : value);
            }
        }
        return java.util.Optional.of(binding);
    }

    private static Object valueOf(Annotation annotation, Method attribute) {
        try {
            Object value = attribute.invoke(annotation);
            return value instanceof Enum<?> e ? e.name() : value;
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static Object[] boxed(Object array) {
        Object[] values = new Object[java.lang.reflect.Array.getLength(array)];
        for (int i = 0; i < values.length; i++) {
            Object value = java.lang.reflect.Array.get(array, i);
            values[i] = value instanceof Enum<?> e ? e.name() : value;
        }
        return values;
    }

    private static String lowerFirst(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
