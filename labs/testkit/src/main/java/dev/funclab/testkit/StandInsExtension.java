package dev.funclab.testkit;

import dev.funclab.standins.mail.MailStandIn;
import dev.funclab.standins.speech.SpeechStandIn;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Map;

/**
 * Keeps the {@link StandIns} of a {@link WithStandIns} test class (leased on first need, given back
 * after the class) and hands them to tests. The host extension asks here for their app settings.
 */
public final class StandInsExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StandInsExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == StandIns.class || type == SpeechStandIn.class || type == MailStandIn.class || type == MessengerClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        StandIns standIns = standIns(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == SpeechStandIn.class) {
            return standIns.speech();
        }
        if (type == MailStandIn.class) {
            return standIns.mail();
        }
        if (type == MessengerClient.class) {
            return new MessengerClient(FunctionsHostExtension.client(context), standIns.appSecret(), standIns.verifyToken());
        }
        return standIns;
    }

    /** The app settings the stand-ins of this class need, or none when the class has no {@link WithStandIns}. */
    static Map<String, String> appSettings(ExtensionContext classContext) {
        boolean wanted = classContext.getTestClass().map(type -> type.isAnnotationPresent(WithStandIns.class)).orElse(false);
        return wanted ? standIns(classContext).appSettings() : Map.of();
    }

    private static StandIns standIns(ExtensionContext context) {
        ExtensionContext classContext = FunctionsHostExtension.outermostClass(context);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(Lease.class, type -> new Lease(StandIns.lease()), Lease.class)
                .standIns();
    }

    /** The class's stand-ins, given back when the class is done. */
    private record Lease(StandIns standIns) implements AutoCloseable {
        @Override
        public void close() {
            StandIns.release(standIns);
        }
    }
}
