package dev.funclab.runtime.function;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A function, checked once at start-up: everything needed to call it without further reflection
 * on the signature.
 *
 * @param name        the {@code @FunctionName}
 * @param method      the Java method
 * @param instances   makes the object to call the method on (a no-argument constructor or the app's
 *                    injector), or null for a static method
 * @param trigger     the trigger annotation
 * @param arguments   one source per parameter, in order
 * @param outputs     output bindings by name, {@value OutputBindingSpec#RETURN} for the return value
 */
public record FunctionDefinition(String name, Method method, InstanceSource instances, Annotation trigger,
                                 List<ArgumentSource> arguments, Map<String, OutputBindingSpec> outputs) {

    public boolean isStatic() {
        return Modifier.isStatic(method.getModifiers());
    }

    public <A extends Annotation> Optional<A> trigger(Class<A> type) {
        return type.isInstance(trigger) ? Optional.of(type.cast(trigger)) : Optional.empty();
    }

    /** The trigger type as {@code function.json} spells it: {@code httpTrigger}, {@code queueTrigger}... */
    public String triggerType() {
        String simple = trigger.annotationType().getSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }
}
