package com.example.lab4;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.OutputBinding;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.BlobTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.SendGridOutput;
import com.microsoft.azure.functions.annotation.TableInput;
import com.microsoft.azure.functions.annotation.TableOutput;

/**
 * Step 3, the "send an email" action: a new recording in {@code voice-messages} is mailed with the
 * text it came from, through the SendGrid output binding.
 */
public class MailFunction {

    @FunctionName("mailVoiceMessage")
    public void mail(
            @BlobTrigger(name = "audio", path = "voice-messages/{mid}.wav", dataType = "binary",
                    connection = "AzureWebJobsStorage") byte[] audio,
            @BindingName("mid") String mid,
            @TableInput(name = "message", tableName = "VoiceMessages", partitionKey = "{mid}", rowKey = RunStep.SYNTHESIZED,
                    connection = "AzureWebJobsStorage") VoiceMessage message,
            @TableInput(name = "mailed", tableName = "VoiceMessages", partitionKey = "{mid}", rowKey = RunStep.MAILED,
                    connection = "AzureWebJobsStorage") RunStep mailed,
            @SendGridOutput(name = "mail", apiKey = "AzureWebJobsSendGridApiKey", to = "%MAIL_TO%", from = "%MAIL_FROM%",
                    subject = "", text = "") OutputBinding<MailMessage> mail,
            @TableOutput(name = "step", tableName = "VoiceMessages",
                    connection = "AzureWebJobsStorage") OutputBinding<RunStep> step,
            ExecutionContext context) {

        // TODO 9: when `mailed` is not null, this recording was mailed already: log it and return.

        // TODO 8: when `message` is null, throw an exception that says the recording has no row in
        //         VoiceMessages. Else set `mail` to MailMessage.of(message, audio) and `step` to
        //         RunStep.mailed(mid, System.getenv("MAIL_TO")).
        throw new UnsupportedOperationException("TODO 8: mail voice-messages/" + mid + ".wav");
    }
}
