package dev.funclab.runtime.app;

/** The function app cannot be loaded or is configured wrongly; the message says how to fix it. */
public class AppLoadException extends RuntimeException {
    public AppLoadException(String message) {
        super(message);
    }

    public AppLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
