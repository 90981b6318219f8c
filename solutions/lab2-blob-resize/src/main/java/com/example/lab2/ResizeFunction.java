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
 */
public class ResizeFunction {

    static final int MAX_WIDTH = 640;
    static final int MAX_HEIGHT = 400;

    @FunctionName("resizeCardImage")
    public void resize(
            @BlobTrigger(name = "image", path = "card-input/{filename}.jpg", dataType = "binary",
                    connection = "AzureWebJobsStorage") byte[] image,
            @BindingName("filename") String filename,
            @BlobOutput(name = "thumbnail", path = "card-output/{filename}.jpg", dataType = "binary",
                    connection = "AzureWebJobsStorage") OutputBinding<byte[]> thumbnail,
            ExecutionContext context) throws IOException {

        BufferedImage upright = CardImages.readUpright(image);
        byte[] card = CardImages.fitWithin(upright, MAX_WIDTH, MAX_HEIGHT);
        thumbnail.setValue(card);

        context.getLogger().info("Resized " + filename + ".jpg from " + upright.getWidth() + "x" + upright.getHeight()
                + " (" + image.length + " bytes) to " + card.length + " bytes");
    }
}
