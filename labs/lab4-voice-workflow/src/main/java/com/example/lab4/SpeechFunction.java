package com.example.lab4;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.OutputBinding;
import com.microsoft.azure.functions.annotation.BlobInput;
import com.microsoft.azure.functions.annotation.BlobOutput;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import com.microsoft.azure.functions.annotation.TableInput;
import com.microsoft.azure.functions.annotation.TableOutput;

import java.io.IOException;

/**
 * Step 2, the "text to speech" action: a message on {@code speech-requests} is spoken by Azure AI
 * Speech; the recording goes to {@code voice-messages/<mid>.wav} and the message to table VoiceMessages.
 */
public class SpeechFunction {

    @FunctionName("synthesizeSpeech")
    public void synthesize(
            @QueueTrigger(name = "request", queueName = "speech-requests",
                    connection = "AzureWebJobsStorage") SpeechRequest request,
            @TableInput(name = "done", tableName = "VoiceMessages", partitionKey = "{mid}", rowKey = RunStep.SYNTHESIZED,
                    connection = "AzureWebJobsStorage") VoiceMessage done,
            @BlobInput(name = "recorded", path = "voice-messages/{mid}.wav", dataType = "binary",
                    connection = "AzureWebJobsStorage") byte[] recorded,
            // The row before the recording, which starts the mail step that reads the row. This host writes
            // outputs in parameter order; Azure promises none, so the mail step retries when the row is late.
            @TableOutput(name = "message", tableName = "VoiceMessages",
                    connection = "AzureWebJobsStorage") OutputBinding<VoiceMessage> message,
            @BlobOutput(name = "audio", path = "voice-messages/{mid}.wav", dataType = "binary",
                    connection = "AzureWebJobsStorage") OutputBinding<byte[]> audio,
            ExecutionContext context) throws IOException {

        // TODO 9: Messenger delivers at least once. When both `done` and `recorded` are there, this message was
        //         spoken (and mailed) already: log it and return without setting any output.

        // TODO 6: pick the voice (Ssml.voiceFor), get the WAV (SpeechClient.synthesize), then set `audio` to
        //         the WAV and `message` to VoiceMessage.of(request, voice, wav). Let exceptions out: a failed
        //         call is retried by the queue.
        throw new UnsupportedOperationException("TODO 6: speak message " + request.mid);
    }
}
