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
 */
public class VisionFunctions {

    @FunctionName("analyzeImage")
    public void analyze(
            @QueueTrigger(name = "message", queueName = "vision-info", connection = "AzureWebJobsStorage")
            VisionRequest request,
            @BlobInput(name = "image", path = "images/{blobName}", dataType = "binary",
                    connection = "AzureWebJobsStorage") byte[] image,
            @BlobOutput(name = "report", path = "image-info/{blobName}.json",
                    connection = "AzureWebJobsStorage") OutputBinding<ImageInfo> report,
            @TableOutput(name = "row", tableName = "ImageInfo",
                    connection = "AzureWebJobsStorage") OutputBinding<ImageRecord> row,
            ExecutionContext context) throws IOException {

        if (image == null) {
            // Failing sends the message back to the queue; after five tries it goes to vision-info-poison.
            throw new IllegalArgumentException("images/" + request.getBlobName() + " does not exist");
        }
        context.getLogger().info("Read images/" + request.getBlobName() + " (" + image.length + " bytes)");
        ImageInfo info = ImageAnalyzer.analyze(request.getBlobName(), image);
        report.setValue(info);
        context.getLogger().info("Analysed " + info.getBlobName() + ": " + info.getFormat() + " "
                + info.getWidth() + "x" + info.getHeight());
        row.setValue(ImageRecord.of(info));
    }

    @FunctionName("listImages")
    public List<ImageRecord> list(
            @HttpTrigger(name = "req", methods = HttpMethod.GET, route = "images",
                    authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<String>> request,
            @TableInput(name = "records", tableName = "ImageInfo", partitionKey = ImageRecord.PARTITION, take = "100",
                    connection = "AzureWebJobsStorage") ImageRecord[] records) {
        return Arrays.asList(records);
    }

    @FunctionName("getImage")
    public HttpResponseMessage get(
            @HttpTrigger(name = "req", methods = HttpMethod.GET, route = "images/{name}",
                    authLevel = AuthorizationLevel.ANONYMOUS) HttpRequestMessage<Optional<String>> request,
            @TableInput(name = "record", tableName = "ImageInfo", partitionKey = ImageRecord.PARTITION, rowKey = "{name}",
                    connection = "AzureWebJobsStorage") ImageRecord record) {
        if (record == null) {
            return request.createResponseBuilder(HttpStatus.NOT_FOUND).body("No analysis for that image yet").build();
        }
        return request.createResponseBuilder(HttpStatus.OK).body(record).build();
    }

    @FunctionName("dailySummary")
    @BlobOutput(name = "$return", path = "image-info/_summary.json", connection = "AzureWebJobsStorage")
    public Summary summarize(
            @TimerTrigger(name = "timer", schedule = "0 0 0 * * *") String timerInfo,
            @TableInput(name = "records", tableName = "ImageInfo", partitionKey = ImageRecord.PARTITION,
                    connection = "AzureWebJobsStorage") ImageRecord[] records) {
        return Summary.of(records);
    }
}
