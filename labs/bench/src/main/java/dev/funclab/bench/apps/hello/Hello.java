package dev.funclab.bench.apps.hello;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;

/** The HTTP benchmark's function: the smallest useful answer, so that what is measured is the host. */
public class Hello {

    public static final String ANSWER = "Hello, world";

    @FunctionName("hello")
    public String hello(@HttpTrigger(name = "req", methods = HttpMethod.GET, authLevel = AuthorizationLevel.ANONYMOUS)
                        HttpRequestMessage<String> request) {
        return ANSWER;
    }
}
