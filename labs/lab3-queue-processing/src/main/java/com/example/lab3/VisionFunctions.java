package com.example.lab3;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.OutputBinding;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BlobInput;
import com.microsoft.azure.functions.annotation.BlobOutput;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import com.microsoft.azure.functions.annotation.TableInput;
import com.microsoft.azure.functions.annotation.TableOutput;
import com.microsoft.azure.functions.annotation.TimerTrigger;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The deck's queue example: a message on {@code vision-info} names an image in {@code images};
 * the function analyses it, writes a report to {@code image-info} and a row to the ImageInfo table.
 * Two HTTP functions read the table, and a timer writes a daily summary.
 *
 * <p>Some imports are not used yet: the guide's steps need them (labs/lab3-queue-processing/README.md).
 */
public class VisionFunctions {

    @FunctionName("analyzeImage")
    public void analyze(
            // TODO 1: Take the message as a VisionRequest instead of a String (the host reads the JSON for you), and add
            //         the image: @BlobInput(name = "image", path = "images/{blobName}", dataType = "binary",
            //         connection = "AzureWebJobsStorage") byte[] image. In the body, throw an IllegalArgumentException
            //         when image is null, so that the message ends on vision-info-poison.
            @QueueTrigger(name = "message", queueName = "vision-info", connection = "AzureWebJobsStorage")
            String message,
            // TODO 3: Add @BlobOutput(name = "report", path = "image-info/{blobName}.json",
            //         connection = "AzureWebJobsStorage") OutputBinding<ImageInfo> report; in the body, analyse the
            //         image (ImageAnalyzer.analyze) and set the report to the result.
            // TODO 4: Add @TableOutput(name = "row", tableName = "ImageInfo", connection = "AzureWebJobsStorage")
            //         OutputBinding<ImageRecord> row; in the body, set it to ImageRecord.of(info).
            ExecutionContext context) {

        context.getLogger().info("TODO: analyse " + message);
    }

    @FunctionName("listImages")
    public List<ImageRecord> list(
            @HttpTrigger(name = "req", methods = HttpMethod.GET, route = "images",
                    authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<String>> request) {
        // TODO 5: Add @TableInput(name = "records", tableName = "ImageInfo", partitionKey = ImageRecord.PARTITION,
        //         take = "100", connection = "AzureWebJobsStorage") ImageRecord[] records, and return them. Then give
        //         getImage below a @TableInput for one row (rowKey = "{name}"): 200 with the row, 404 when it is null.
        return List.of();
    }

    @FunctionName("getImage")
    public HttpResponseMessage get(
            @HttpTrigger(name = "req", methods = HttpMethod.GET, route = "images/{name}",
                    authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<String>> request) {
        return request.createResponseBuilder(HttpStatus.NOT_IMPLEMENTED)
                .body("getImage is not written yet (labs/lab3-queue-processing/README.md (한국어: README.ko.md), step 5)")
                .build();
    }

    @FunctionName("dailySummary")
    public void summarize(@TimerTrigger(name = "timer", schedule = "0 0 0 * * *") String timerInfo) {
        // TODO 6: Read every row (a @TableInput like listImages, without take) and return Summary.of(records), with
        //         @BlobOutput(name = "$return", path = "image-info/_summary.json", connection = "AzureWebJobsStorage")
        //         on the method, so that the summary lands in image-info/_summary.json.
    }
}
