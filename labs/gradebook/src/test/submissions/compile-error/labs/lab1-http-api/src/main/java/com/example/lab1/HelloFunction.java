package com.example.lab1;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;

import java.util.Optional;

/** Part A: the smallest useful function, a greeting over HTTP. */
public class HelloFunction {

    @FunctionName("hello")
    public HttpResponseMessage hello(
            @HttpTrigger(name = "req", methods = {HttpMethod.GET, HttpMethod.POST},
                    authLevel = AuthorizationLevel.ANONYMOUS)
            HttpRequestMessage<Optional<HelloRequest>> request,
            ExecutionContext context) {

        // The name comes from the query string first, then from a JSON body.
        String name = request.getQueryParameters().get("name");
        if (name == null || name.isBlank()) {
            name = request.getBody().map(HelloRequest::getName).orElse(null);
        }

        if (name == null || name.isBlank()) {
            return request.createResponseBuilder(HttpStatus.BAD_REQUEST)
                    .body("Please pass a name: /api/hello?name=Kim or a JSON body {\"name\": \"Kim\"}")
                    .build();
        }

        context.getLogger().info("Greeting " + name);
        String greeting = System.getenv().getOrDefault("GREETING", "Hello");
        return request.createResponseBuilder(HttpStatus.OK)
                .body(greeting + ", " + name.strip() + "!")
                .build();
    }
}
