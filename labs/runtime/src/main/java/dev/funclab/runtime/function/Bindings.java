package dev.funclab.runtime.function;

import com.microsoft.azure.functions.annotation.CustomBinding;

import java.lang.annotation.Annotation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The triggers and bindings this host runs. Each kind registers here once; a function that uses
 * anything else fails at start-up with a message listing what is supported.
 */
public final class Bindings {

    private static final String LIBRARY_PACKAGE = "com.microsoft.azure.functions.annotation";

    private final Map<Class<? extends Annotation>, TriggerSupport<?>> triggers = new LinkedHashMap<>();
    private final Map<Class<? extends Annotation>, OutputSupport<?>> outputs = new LinkedHashMap<>();
    private final Map<Class<? extends Annotation>, InputSupport<?>> inputs = new LinkedHashMap<>();

    public Bindings trigger(TriggerSupport<?> support) {
        triggers.put(support.annotationType(), support);
        return this;
    }

    public Bindings output(OutputSupport<?> support) {
        outputs.put(support.annotationType(), support);
        return this;
    }

    public Bindings input(InputSupport<?> support) {
        inputs.put(support.annotationType(), support);
        return this;
    }

    @SuppressWarnings("unchecked")
    <A extends Annotation> Optional<TriggerSupport<A>> triggerFor(A annotation) {
        return Optional.ofNullable((TriggerSupport<A>) triggers.get(annotation.annotationType()));
    }

    @SuppressWarnings("unchecked")
    <A extends Annotation> Optional<OutputSupport<A>> outputFor(A annotation) {
        return Optional.ofNullable((OutputSupport<A>) outputs.get(annotation.annotationType()));
    }

    @SuppressWarnings("unchecked")
    <A extends Annotation> Optional<InputSupport<A>> inputFor(A annotation) {
        return Optional.ofNullable((InputSupport<A>) inputs.get(annotation.annotationType()));
    }

    /** The listener that feeds {@code function}, or null when its trigger has none (HTTP). */
    public TriggerListener listenerFor(FunctionDefinition function, dev.funclab.runtime.invoke.FunctionInvoker invoker) {
        TriggerSupport<?> support = triggers.get(function.trigger().annotationType());
        return support == null ? null : support.listener(function, invoker);
    }

    /** The call an admin request makes for {@code function}, or null when its trigger has none. */
    public dev.funclab.runtime.invoke.Invocation adminInvocation(FunctionDefinition function, String input) {
        TriggerSupport<?> support = triggers.get(function.trigger().annotationType());
        return support == null ? null : support.adminInvocation(function, input);
    }

    /** A trigger or binding annotation of the Java library (or a custom binding), supported or not. */
    static boolean isBinding(Annotation annotation) {
        Class<? extends Annotation> type = annotation.annotationType();
        String name = type.getSimpleName();
        boolean libraryBinding = type.getPackageName().equals(LIBRARY_PACKAGE)
                && (name.endsWith("Trigger") || name.endsWith("Input") || name.endsWith("Output"));
        return libraryBinding || type.isAnnotationPresent(CustomBinding.class);
    }

    static boolean isTrigger(Annotation annotation) {
        return annotation.annotationType().getSimpleName().endsWith("Trigger");
    }

    /** "@HttpTrigger; bindings: @HttpOutput" for messages about unsupported annotations. */
    String supported() {
        return "triggers " + names(triggers) + "; input bindings " + names(inputs) + "; output bindings " + names(outputs);
    }

    private static String names(Map<Class<? extends Annotation>, ?> kinds) {
        return kinds.isEmpty() ? "(none)"
                : kinds.keySet().stream().map(k -> "@" + k.getSimpleName()).collect(Collectors.joining(", "));
    }
}
