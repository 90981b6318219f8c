package dev.funclab.runtime.convert;

/** Data that does not fit the type a function asked for: bad input, not a host failure. */
public class ConversionException extends RuntimeException {
    public ConversionException(String message) {
        super(message);
    }
}
