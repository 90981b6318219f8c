package dev.funclab.runtime.http;

import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import dev.funclab.runtime.convert.ConversionException;
import dev.funclab.runtime.convert.ValueConverter;
import dev.funclab.runtime.function.ArgumentSource;
import dev.funclab.runtime.function.FunctionSignature;
import dev.funclab.runtime.function.TriggerSupport;

import java.lang.reflect.Parameter;
import java.lang.reflect.Type;

/**
 * {@code @HttpTrigger}: the parameter is an {@code HttpRequestMessage<T>} whose body becomes
 * {@code T} ({@code String}, {@code byte[]}, {@code Optional<...>}, a POJO from JSON), or the body
 * itself as any of those types. The return value is the response.
 */
public final class HttpTriggerSupport implements TriggerSupport<HttpTrigger> {

    @Override
    public Class<HttpTrigger> annotationType() {
        return HttpTrigger.class;
    }

    @Override
    public boolean answersWithReturnValue() {
        return true;
    }

    @Override
    public ArgumentSource argument(FunctionSignature signature, Parameter parameter, HttpTrigger trigger) {
        try {
            RouteTemplate.parse(trigger.route().isEmpty() ? signature.name() : trigger.route());
        } catch (IllegalArgumentException e) {
            throw signature.problem(parameter, "route '" + trigger.route() + "' is not valid: " + e.getMessage());
        }
        Type declared = parameter.getParameterizedType();
        if (HttpRequestMessage.class.isAssignableFrom(parameter.getType())) {
            if (parameter.getType() != HttpRequestMessage.class) {
                throw signature.problem(parameter, "declare it as HttpRequestMessage<T>, not " + declared.getTypeName());
            }
            Type bodyType = ValueConverter.typeArgument(declared, 0);
            return invocation -> {
                RawHttpRequest request = (RawHttpRequest) invocation.triggerPayload();
                return new HostRequestMessage<>(request, body(request, bodyType));
            };
        }
        return invocation -> body((RawHttpRequest) invocation.triggerPayload(), declared);
    }

    private static Object body(RawHttpRequest request, Type type) {
        byte[] body = request.body().length == 0 ? null : request.body();
        try {
            return ValueConverter.convert(body, type);
        } catch (ConversionException e) {
            throw new ConversionException("The request body does not fit " + type.getTypeName() + ": " + e.getMessage());
        }
    }
}
