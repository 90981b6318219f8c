package dev.funclab.runtime.timer;

import com.microsoft.azure.functions.annotation.TimerTrigger;
import dev.funclab.runtime.HostContext;
import dev.funclab.runtime.convert.ValueConverter;
import dev.funclab.runtime.function.ArgumentSource;
import dev.funclab.runtime.function.FunctionDefinition;
import dev.funclab.runtime.function.FunctionSignature;
import dev.funclab.runtime.function.TriggerListener;
import dev.funclab.runtime.function.TriggerSupport;
import dev.funclab.runtime.invoke.FunctionInvoker;
import dev.funclab.runtime.invoke.Invocation;
import dev.funclab.runtime.storage.BindingTemplate;

import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code @TimerTrigger}: fires on an NCRONTAB schedule; the parameter is the TimerInfo JSON the Java
 * worker passes (as {@code String} or a POJO). Retry annotations are honoured.
 */
public final class TimerTriggerSupport implements TriggerSupport<TimerTrigger> {

    private final HostContext host;
    private final Map<String, Schedule> schedules = new ConcurrentHashMap<>();
    private final Map<String, RetryPolicy> retries = new ConcurrentHashMap<>();

    public TimerTriggerSupport(HostContext host) {
        this.host = host;
    }

    @Override
    public Class<TimerTrigger> annotationType() {
        return TimerTrigger.class;
    }

    /** A timer gives no binding data: only the built-ins ({rand-guid}, {DateTime}, {sys.*}) can be used. */
    @Override
    public java.util.Optional<java.util.Set<String>> knownBindingData(FunctionSignature signature) {
        return java.util.Optional.of(java.util.Set.of());
    }

    @Override
    public ArgumentSource argument(FunctionSignature signature, Parameter parameter, TimerTrigger trigger) {
        try {
            schedules.put(signature.name(), Schedule.parse(BindingTemplate.parse(trigger.schedule(), host.settings()).toString()));
            retries.put(signature.name(), RetryPolicy.of(signature.method()));
        } catch (IllegalArgumentException e) {
            throw signature.problem(parameter, e.getMessage());
        }
        Type type = parameter.getParameterizedType();
        return invocation -> ValueConverter.convert(invocation.triggerPayload().toString(), type);
    }

    @Override
    public TriggerListener listener(FunctionDefinition function, FunctionInvoker invoker) {
        return new TimerListener(function, invoker, schedules.get(function.name()), retries.get(function.name()), host.log());
    }

    @Override
    public Invocation adminInvocation(FunctionDefinition function, String input) {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        return new Invocation(function, TimerInfo.json(now, now, schedules.get(function.name()).next(now), false), Map.of());
    }
}
