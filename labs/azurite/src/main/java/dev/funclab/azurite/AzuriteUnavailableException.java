package dev.funclab.azurite;

/** No storage emulator could be found or started; the message says what to install or set. */
public class AzuriteUnavailableException extends RuntimeException {
    public AzuriteUnavailableException(String message) {
        super(message);
    }

    public AzuriteUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
