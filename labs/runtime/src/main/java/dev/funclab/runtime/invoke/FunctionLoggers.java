package dev.funclab.runtime.invoke;

import dev.funclab.runtime.log.HostLog;

import java.util.function.Consumer;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Makes the logger of one invocation: what the function logs goes to the host's console. */
final class FunctionLoggers {

    private static final Formatter MESSAGES = new SimpleFormatter();

    private FunctionLoggers() {
    }

    /** @param lines also receives each line the function logs, for the dashboard */
    static Logger forInvocation(HostLog log, String functionName, Level level, Consumer<String> lines) {
        // Not registered with the LogManager at all (as getAnonymousLogger's loggers still are, under a lock
        // every concurrent call would queue for): it lives exactly as long as the call.
        Logger logger = new InvocationLogger(functionName);
        logger.setUseParentHandlers(false);
        logger.setLevel(level);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (!isLoggable(record)) {
                    return;
                }
                String level = record.getLevel().intValue() >= Level.WARNING.intValue() ? record.getLevel() + ": " : "";
                String message = level + MESSAGES.formatMessage(record);
                if (record.getThrown() != null) {
                    log.error(message, record.getThrown());
                } else {
                    log.info(message);
                }
                lines.accept(message);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return logger;
    }

    /** A logger of one call, known to nothing but the call. */
    private static final class InvocationLogger extends Logger {
        InvocationLogger(String functionName) {
            super("Function." + functionName, null);
        }
    }
}
