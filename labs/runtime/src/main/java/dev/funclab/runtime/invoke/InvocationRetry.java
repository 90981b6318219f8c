package dev.funclab.runtime.invoke;

import com.microsoft.azure.functions.RetryContext;
import com.microsoft.azure.functions.RpcException;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The retry context of one invocation, as the Java worker fills it: the retry number (0 on the first
 * try), the policy's maximum (-1 for unlimited) and the previous try's failure. Without a retry
 * policy it is all zeros and empty strings, never null, as in the worker.
 */
record InvocationRetry(int retryCount, int maxRetryCount, Failure exception) implements RetryContext {

    static final InvocationRetry NONE = new InvocationRetry(0, 0, new Failure("", "", ""));

    /** Try number {@code retryCount} (0 = first) under a policy of {@code maxRetryCount} retries. */
    static InvocationRetry of(int retryCount, int maxRetryCount, Throwable previous) {
        if (previous == null) {
            return new InvocationRetry(retryCount, maxRetryCount, NONE.exception());
        }
        StringWriter trace = new StringWriter();
        previous.printStackTrace(new PrintWriter(trace));
        String message = previous.getMessage() == null ? previous.toString() : previous.getMessage();
        return new InvocationRetry(retryCount, maxRetryCount, new Failure(previous.getClass().getName(), trace.toString(), message));
    }

    @Override
    public int getRetrycount() {
        return retryCount;
    }

    @Override
    public int getMaxretrycount() {
        return maxRetryCount;
    }

    @Override
    public RpcException getException() {
        return exception;
    }

    /** The previous try's failure, as the worker passes it. */
    record Failure(String source, String stacktrace, String message) implements RpcException {

        @Override
        public String getSource() {
            return source;
        }

        @Override
        public String getStacktrace() {
            return stacktrace;
        }

        @Override
        public String getMessage() {
            return message;
        }
    }
}
