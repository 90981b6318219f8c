package com.example.lab4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.OutputBinding;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.QueueOutput;
import com.microsoft.azure.functions.annotation.TableOutput;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step 1 of the workflow, the Logic Apps trigger: Messenger calls this webhook. A GET proves to
 * Messenger that the webhook is ours; a POST carries messages, signed with the app secret. Each
 * text message becomes one queue message for the speech step, and the webhook answers at once.
 */
public class MessengerWebhook {

    private static final ObjectMapper JSON = new ObjectMapper();

    @FunctionName("messengerWebhook")
    public HttpResponseMessage receive(
            @HttpTrigger(name = "req", methods = {HttpMethod.GET, HttpMethod.POST}, route = "messenger",
                    dataType = "binary", authLevel = AuthorizationLevel.ANONYMOUS)
            HttpRequestMessage<Optional<byte[]>> request,
            @QueueOutput(name = "requests", queueName = "speech-requests",
                    connection = "AzureWebJobsStorage") OutputBinding<List<SpeechRequest>> requests,
            @TableOutput(name = "steps", tableName = "VoiceMessages",
                    connection = "AzureWebJobsStorage") OutputBinding<List<RunStep>> steps,
            ExecutionContext context) {

        if (request.getHttpMethod() == HttpMethod.GET) {
            return verify(request);
        }

        byte[] body = request.getBody().orElse(new byte[0]);
        // TODO 2: refuse a POST whose X-Hub-Signature-256 header is not the signature of its body: answer
        //         403 and queue nothing. Check it before parsing the body: MessengerSignature.isValid(body,
        //         request.getHeaders().get("x-hub-signature-256"), Settings.require("MESSENGER_APP_SECRET")).

        // TODO 3: read the body as JSON (JSON.readTree(body)) and loop over every entry[].messaging[] event.
        //         For each event with a message.text and without message.is_echo, add SpeechRequest.of(event)
        //         to a list for `requests` and RunStep.received(...) to a list for `steps`; skip the rest
        //         (deliveries, reads, echoes, attachments, postbacks). Set both outputs, then answer 200
        //         with the body EVENT_RECEIVED.
        context.getLogger().info("TODO 2 and 3: a POST of " + body.length + " bytes");
        return request.createResponseBuilder(HttpStatus.NOT_IMPLEMENTED).body("TODO 2 and 3: check the signature, "
                + "then queue each text message").build();
    }

    /** Messenger's subscription check: echo the challenge when the token is ours. */
    private static HttpResponseMessage verify(HttpRequestMessage<Optional<byte[]>> request) {
        Map<String, String> query = request.getQueryParameters();
        // TODO 1: when hub.mode is "subscribe" and hub.verify_token equals the app setting
        //         MESSENGER_VERIFY_TOKEN (Settings.require), answer 200 with the raw hub.challenge as the body
        //         (Content-Type text/plain). Anything else gets 403.
        return request.createResponseBuilder(HttpStatus.NOT_IMPLEMENTED).body("TODO 1: the verification handshake, "
                + "asked with " + query.keySet()).build();
    }
}
