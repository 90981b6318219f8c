package com.example.lab2;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.OutputBinding;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.BlobOutput;
import com.microsoft.azure.functions.annotation.BlobTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;

import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * Makes a card-sized copy of every JPEG uploaded to {@code card-input}: it fits inside 640x400,
 * keeps its proportions, is never enlarged, and lands in {@code card-output} under the same name.
 *
 * <p>Some imports are not used yet: the guide's steps need them (labs/lab2-blob-resize/README.md).
 */
public class ResizeFunction {

    static final int MAX_WIDTH = 640;
    static final int MAX_HEIGHT = 400;

    @FunctionName("resizeCardImage")
    public void resize(
            @BlobTrigger(name = "image", path = "card-input/{filename}.jpg", dataType = "binary",
                    connection = "AzureWebJobsStorage") byte[] image,
            @BindingName("filename") String filename,
            // TODO 1: Add an output binding for the card: a parameter OutputBinding<byte[]> thumbnail
            //         annotated @BlobOutput(name = "thumbnail", path = "card-output/{filename}.jpg",
            //         dataType = "binary", connection = "AzureWebJobsStorage").
            ExecutionContext context) {

        // TODO 4: Turn the image upright (CardImages.readUpright), fit it inside MAX_WIDTH x MAX_HEIGHT
        //         (CardImages.fitWithin) and hand the JPEG bytes to the output binding (thumbnail.setValue).
        //         Declare "throws IOException": a file that is not an image must make the function fail.

        context.getLogger().info("TODO: resize " + filename + ".jpg (" + image.length + " bytes)");
    }
}
