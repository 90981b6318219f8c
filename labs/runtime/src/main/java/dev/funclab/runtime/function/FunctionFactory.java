package dev.funclab.runtime.function;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.OutputBinding;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import dev.funclab.runtime.convert.BindingValues;
import dev.funclab.runtime.convert.ValueConverter;
import dev.funclab.runtime.storage.BindingTemplate;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Checks a {@code @FunctionName} method once, at start-up, and turns it into a {@link FunctionDefinition}.
 * Every problem is reported here, naming the function and the parameter, so that no request ever
 * meets a signature the host cannot serve.
 */
public final class FunctionFactory {

    /** The rule Azure applies to function names. */
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_\\-]{0,127}");

    private final Bindings bindings;
    private final FunctionInstances instances;
    private final Consumer<String> warnings;

    /**
     * @param warnings hears of what runs here but would fail in Azure (a byte[] without dataType = "binary")
     */
    public FunctionFactory(Bindings bindings, FunctionInstances instances, Consumer<String> warnings) {
        this.bindings = bindings;
        this.instances = instances;
        this.warnings = warnings;
    }

    /** For functions whose classes need no injector. */
    public FunctionFactory(Bindings bindings) {
        this(bindings, FunctionInstances.byConstructor(), warning -> { });
    }

    public FunctionDefinition create(Method method) {
        String name = method.getAnnotation(FunctionName.class).value();
        FunctionSignature signature = new FunctionSignature(name, method);
        if (!VALID_NAME.matcher(name).matches()) {
            throw signature.problem("the name must start with a letter and hold only letters, digits, '_' and '-' "
                    + "(at most 128 characters)");
        }
        InstanceSource source = Modifier.isStatic(method.getModifiers()) ? null : instanceSource(signature);
        method.trySetAccessible(); // public methods of package-private classes are functions too

        Annotation trigger = null;
        TriggerSupport<Annotation> triggerSupport = null;
        List<ArgumentSource> arguments = new ArrayList<>();
        Map<String, OutputBindingSpec> outputs = new LinkedHashMap<>();
        for (Parameter parameter : method.getParameters()) {
            List<Annotation> annotations = Arrays.stream(parameter.getAnnotations()).filter(Bindings::isBinding).toList();
            if (annotations.size() > 1) {
                throw signature.problem(parameter, "has more than one binding annotation " + annotations
                        + "; a parameter carries exactly one");
            }
            if (parameter.getType() == ExecutionContext.class) {
                arguments.add(contextArgument());
            } else if (annotations.isEmpty()) {
                arguments.add(bindingName(signature, parameter));
            } else if (Bindings.isTrigger(annotations.get(0))) {
                checkDataType(signature, parameter, annotations.get(0));
                if (trigger != null) {
                    throw signature.problem(parameter, "is a second trigger; a function has exactly one trigger");
                }
                trigger = annotations.get(0);
                triggerSupport = bindings.triggerFor(trigger).orElseThrow(() -> unsupported(signature, parameter, annotations.get(0)));
                arguments.add(triggerSupport.argument(signature, parameter, trigger));
            } else {
                checkDataType(signature, parameter, annotations.get(0));
                arguments.add(binding(signature, parameter, annotations.get(0), outputs));
            }
        }
        if (trigger == null) {
            throw signature.problem("has no trigger. Annotate one parameter with a trigger; this host runs "
                    + bindings.supported());
        }
        Annotation theTrigger = trigger;
        triggerSupport.knownBindingData(signature).ifPresent(known -> checkExpressions(signature, theTrigger, known));
        returnBinding(signature, triggerSupport, outputs);
        return new FunctionDefinition(name, method, source, trigger, List.copyOf(arguments), Map.copyOf(outputs));
    }

    private static ArgumentSource contextArgument() {
        return invocation -> invocation.context();
    }

    private ArgumentSource binding(FunctionSignature signature, Parameter parameter, Annotation annotation,
                                   Map<String, OutputBindingSpec> outputs) {
        var input = bindings.inputFor(annotation);
        if (input.isPresent()) {
            return input.get().argument(signature, parameter, annotation);
        }
        var output = bindings.outputFor(annotation);
        if (output.isEmpty()) {
            throw unsupported(signature, parameter, annotation);
        }
        if (parameter.getType() != OutputBinding.class) {
            throw signature.problem(parameter, "@" + annotation.annotationType().getSimpleName()
                    + " needs the type OutputBinding<T>, not " + parameter.getParameterizedType().getTypeName());
        }
        String name = bindingName(annotation);
        if (outputs.containsKey(name)) {
            throw signature.problem(parameter, "reuses the binding name '" + name + "'; each binding needs its own name");
        }
        outputs.put(name, new OutputBindingSpec(name, annotation, output.get().writer(signature, annotation)));
        return invocation -> invocation.output(name);
    }

    /** A parameter without a binding annotation may only read trigger metadata through {@code @BindingName}. */
    private static ArgumentSource bindingName(FunctionSignature signature, Parameter parameter) {
        BindingName bindingName = parameter.getAnnotation(BindingName.class);
        if (bindingName == null) {
            throw signature.problem(parameter, "has no binding annotation. Annotate it with a trigger, an input or "
                    + "output binding, or @BindingName, or make it an ExecutionContext");
        }
        String key = bindingName.value();
        var type = parameter.getParameterizedType();
        return invocation -> BindingValues.convert(invocation.bindingValue(key).orElse(null), type, key);
    }

    /** The return value goes to an output annotation on the method, or to the trigger (HTTP), or nowhere. */
    private void returnBinding(FunctionSignature signature, TriggerSupport<?> trigger, Map<String, OutputBindingSpec> outputs) {
        Method method = signature.method();
        List<Annotation> onMethod = Arrays.stream(method.getAnnotations()).filter(Bindings::isBinding).toList();
        if (onMethod.size() > 1) {
            throw signature.problem("has more than one output annotation on the method " + onMethod
                    + "; only one can receive the return value");
        }
        if (!onMethod.isEmpty()) {
            Annotation annotation = onMethod.get(0);
            OutputSupport<Annotation> output = bindings.outputFor(annotation)
                    .orElseThrow(() -> unsupported(signature, null, annotation));
            if (method.getReturnType() == void.class) {
                throw signature.problem("returns void, so @" + annotation.annotationType().getSimpleName()
                        + " on the method receives nothing; return the value to write");
            }
            outputs.put(OutputBindingSpec.RETURN, new OutputBindingSpec(OutputBindingSpec.RETURN, annotation,
                    output.writer(signature, annotation)));
        } else if (trigger.answersWithReturnValue()) {
            outputs.put(OutputBindingSpec.RETURN, new OutputBindingSpec(OutputBindingSpec.RETURN, null, null));
        }
    }

    private FunctionConfigurationException unsupported(FunctionSignature signature, Parameter parameter, Annotation annotation) {
        String binding = bindingName(annotation);
        String problem = "uses @" + annotation.annotationType().getName() + " (binding '" + binding
                + "'), which this host does not run. It runs " + bindings.supported();
        return new UnsupportedBindingException(signature.name(), signature.problem(parameter, problem).getMessage());
    }

    /** The app's injector makes the instance when it has one (the worker asks it for every call), else a constructor. */
    private InstanceSource instanceSource(FunctionSignature signature) {
        Class<?> type = signature.method().getDeclaringClass();
        if (instances.injects()) {
            return () -> instances.fromInjector(type);
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            throw signature.problem("is an instance method of an abstract class or interface; make it static "
                    + "or move it to a concrete class");
        }
        Constructor<?> constructor;
        try {
            constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw signature.problem("needs a no-argument constructor in " + type.getName()
                    + " (the host makes a new instance for every call), or make the method static, or let the app "
                    + "provide a FunctionInstanceInjector (azure-functions-java-spi) that makes its instances");
        } catch (RuntimeException e) {
            throw signature.problem("its class " + type.getName() + " cannot be instantiated: " + e.getMessage());
        }
        return constructor::newInstance;
    }

    /**
     * Azure's host hands a storage binding's data to the Java worker as text unless {@code dataType = "binary"},
     * and the worker cannot make a byte[] of text: say so here, where it still works.
     */
    private void checkDataType(FunctionSignature signature, Parameter parameter, Annotation annotation) {
        String kind = annotation.annotationType().getSimpleName();
        if (!kind.startsWith("Blob") && !kind.startsWith("Queue")) {
            return;
        }
        Type type = parameter.getParameterizedType();
        Class<?> raw = ValueConverter.rawClass(type);
        if (raw == OutputBinding.class || raw == java.util.Optional.class) {
            raw = ValueConverter.rawClass(ValueConverter.typeArgument(type, 0));
        }
        if (raw != byte[].class && raw != Byte[].class) {
            return;
        }
        String dataType = attribute(annotation, "dataType");
        if (!"binary".equalsIgnoreCase(dataType)) {
            warnings.accept(signature.problem(parameter, "@" + kind + " carries bytes, but its dataType is "
                    + (dataType == null || dataType.isEmpty() ? "not set" : "\"" + dataType + "\"")
                    + ". Add dataType = \"binary\": in Azure the worker gets text otherwise, and the call fails. "
                    + "This host delivers the bytes either way.").getMessage());
        }
    }

    /** The attributes of storage and mail bindings that may hold {name} expressions. */
    private static final List<String> TEMPLATED = List.of("path", "queueName", "tableName", "partitionKey", "rowKey",
            "filter", "to", "from", "subject", "text");

    /**
     * Every {name} in the function's bindings must be something the trigger provides, when that is known at
     * start-up (a blob path's parts; nothing for a timer); Azure would fail each call instead.
     */
    private static void checkExpressions(FunctionSignature signature, Annotation trigger, Set<String> known) {
        Method method = signature.method();
        List<Used> bindingsUsed = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            Arrays.stream(parameter.getAnnotations()).filter(Bindings::isBinding).filter(a -> a != trigger)
                    .forEach(a -> bindingsUsed.add(new Used(parameter, a)));
        }
        Arrays.stream(method.getAnnotations()).filter(Bindings::isBinding).forEach(a -> bindingsUsed.add(new Used(null, a)));
        for (Used used : bindingsUsed) {
            for (String attribute : TEMPLATED) {
                String value = attribute(used.annotation(), attribute);
                if (value == null) {
                    continue;
                }
                for (String name : BindingTemplate.parametersOf(value)) {
                    String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                    if (known.stream().noneMatch(k -> k.equalsIgnoreCase(first))) {
                        String where = "@" + used.annotation().annotationType().getSimpleName() + "(" + attribute + " = \""
                                + value + "\") uses {" + name + "}, which the trigger does not provide; it provides "
                                + (known.isEmpty() ? "nothing but the built-ins {rand-guid}, {DateTime}, {sys.randguid}, {sys.utcnow}"
                                : known.stream().map(k -> "{" + k + "}").collect(java.util.stream.Collectors.joining(", ")));
                        throw used.parameter() == null ? signature.problem(where) : signature.problem(used.parameter(), where);
                    }
                }
            }
        }
    }

    /** A binding annotation where it is used: on a parameter, or on the method (parameter null). */
    private record Used(Parameter parameter, Annotation annotation) {
    }

    private static String attribute(Annotation annotation, String name) {
        try {
            Object value = annotation.annotationType().getMethod(name).invoke(annotation);
            return value instanceof String text ? text : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** The {@code name()} every binding annotation has. */
    static String bindingName(Annotation annotation) {
        String name = attribute(annotation, "name");
        return name != null ? name : annotation.annotationType().getSimpleName();
    }
}
