package dev.funclab.runtime.invoke;

import com.microsoft.azure.functions.OutputBinding;

/** The {@link OutputBinding} a function receives; the host reads it after the call. */
public final class OutputSlot<T> implements OutputBinding<T> {

    private T value;

    @Override
    public T getValue() {
        return value;
    }

    @Override
    public void setValue(T value) {
        this.value = value;
    }
}
