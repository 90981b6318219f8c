package dev.funclab.runtime.http;

import dev.funclab.runtime.invoke.Invocation;

/** Builds the call an admin request asks for, or says why there is none. */
@FunctionalInterface
public interface AdminInvocations {

    /** Either an invocation to run, or a status and a message for the client. */
    record Outcome(Invocation invocation, int status, String message) {
        public static Outcome run(Invocation invocation) {
            return new Outcome(invocation, 202, "");
        }

        public static Outcome refuse(int status, String message) {
            return new Outcome(null, status, message);
        }
    }

    Outcome create(String functionName, String input);
}
