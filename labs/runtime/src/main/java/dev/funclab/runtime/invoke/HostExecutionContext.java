package dev.funclab.runtime.invoke;

import com.microsoft.azure.functions.ExecutionContext;

import java.util.logging.Logger;

/** The {@link ExecutionContext} handed to functions. */
record HostExecutionContext(Logger logger, String invocationId, String functionName) implements ExecutionContext {

    @Override
    public Logger getLogger() {
        return logger;
    }

    @Override
    public String getInvocationId() {
        return invocationId;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }
}
