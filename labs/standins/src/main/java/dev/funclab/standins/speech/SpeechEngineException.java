package dev.funclab.standins.speech;

/** A speech engine is missing or failed; the message says why and, where it can, what to install or change. */
public class SpeechEngineException extends RuntimeException {

    public SpeechEngineException(String message) {
        super(message);
    }

    public SpeechEngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
