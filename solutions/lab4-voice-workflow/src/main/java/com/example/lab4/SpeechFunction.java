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

        if (done != null && recorded != null) {
            // Messenger delivers at least once: a redelivered message was spoken and mailed already. Both outputs
            // must be there: a try that failed after writing the row but before the recording is done again.
            context.getLogger().info("Message " + request.mid + " was synthesized at " + done.at + "; nothing to do");
            return;
        }
        String voice = Ssml.voiceFor(request.text);
        byte[] wav = SpeechClient.synthesize(request.text, voice);
        audio.setValue(wav);
        message.setValue(VoiceMessage.of(request, voice, wav));
        context.getLogger().info("Spoke message " + request.mid + " with " + voice + ": " + wav.length + " bytes");
    }
}
