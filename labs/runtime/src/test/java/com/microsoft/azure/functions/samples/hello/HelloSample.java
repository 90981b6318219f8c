package com.microsoft.azure.functions.samples.hello;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;

import java.util.Optional;

/** An app whose own package lies in the library's namespace, as public samples do. */
public class HelloSample {

    @FunctionName("sampleLoader")
    public String loader(@HttpTrigger(name = "req", methods = HttpMethod.GET, authLevel = AuthorizationLevel.ANONYMOUS)
                         HttpRequestMessage<Optional<String>> request) {
        return getClass().getClassLoader().getName();
    }
}
