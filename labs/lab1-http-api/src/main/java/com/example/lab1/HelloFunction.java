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

        // TODO 1: Read the name from the query string (request.getQueryParameters().get("name")),
        //         or else from the JSON body (request.getBody() holds an Optional<HelloRequest>).
        //         Answer 200 with a greeting that contains the name, for example "Hello, Kim!".
        //         The app setting GREETING (local.settings.json) holds the word to greet with.

        // TODO 2: When there is no name at all, answer 400 (HttpStatus.BAD_REQUEST) with a message
        //         that tells the caller how to pass a name.

        context.getLogger().info("hello is not written yet");
        return request.createResponseBuilder(HttpStatus.NOT_IMPLEMENTED)
                .body("TODO 1 and TODO 2: not written yet (labs/lab1-http-api/README.md (한국어: README.ko.md), step 1 and step 2)")
                .build();
    }
}
