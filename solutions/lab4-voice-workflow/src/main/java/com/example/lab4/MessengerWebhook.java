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
        String signature = request.getHeaders().get("x-hub-signature-256");
        if (!MessengerSignature.isValid(body, signature, Settings.require("MESSENGER_APP_SECRET"))) {
            context.getLogger().warning("Refused a POST without a valid X-Hub-Signature-256 header");
            return request.createResponseBuilder(HttpStatus.FORBIDDEN).body("Invalid signature").build();
        }

        JsonNode payload;
        try {
            payload = JSON.readTree(body);
        } catch (IOException e) {
            return request.createResponseBuilder(HttpStatus.BAD_REQUEST).body("The body is not JSON").build();
        }
        List<SpeechRequest> texts = new ArrayList<>();
        List<RunStep> received = new ArrayList<>();
        for (JsonNode entry : payload.path("entry")) {
            for (JsonNode event : entry.path("messaging")) {
                JsonNode message = event.path("message");
                if (!message.path("text").isTextual() || message.path("is_echo").asBoolean(false)) {
                    continue; // deliveries, reads, echoes, attachments and postbacks
                }
                SpeechRequest text = SpeechRequest.of(event);
                if (!text.hasUsableId()) {
                    context.getLogger().warning("Skipped a message whose mid cannot name a blob: " + text.mid);
                    continue;
                }
                texts.add(text);
                received.add(RunStep.received(text));
            }
        }
        if (!texts.isEmpty()) {
            requests.setValue(texts);
            steps.setValue(received);
        }
        context.getLogger().info("Received " + texts.size() + " text message(s)");
        return request.createResponseBuilder(HttpStatus.OK).body("EVENT_RECEIVED").build();
    }

    /** Messenger's subscription check: echo the challenge when the token is ours. */
    private static HttpResponseMessage verify(HttpRequestMessage<Optional<byte[]>> request) {
        Map<String, String> query = request.getQueryParameters();
        String challenge = query.get("hub.challenge");
        if ("subscribe".equals(query.get("hub.mode"))
                && Settings.require("MESSENGER_VERIFY_TOKEN").equals(query.get("hub.verify_token"))
                && challenge != null) {
            return request.createResponseBuilder(HttpStatus.OK).header("Content-Type", "text/plain").body(challenge).build();
        }
        return request.createResponseBuilder(HttpStatus.FORBIDDEN).body("Verification failed").build();
    }
}
