package dev.funclab.runtime.invoke;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.RetryContext;
import com.microsoft.azure.functions.TraceContext;

import java.util.logging.Logger;

/** The {@link ExecutionContext} handed to functions; trace and retry contexts are never null, as in the worker. */
record HostExecutionContext(Logger logger, String invocationId, String functionName, TraceContext traceContext,
                            RetryContext retryContext) implements ExecutionContext {

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

    @Override
    public TraceContext getTraceContext() {
        return traceContext;
    }

    @Override
    public RetryContext getRetryContext() {
        return retryContext;
    }
}
