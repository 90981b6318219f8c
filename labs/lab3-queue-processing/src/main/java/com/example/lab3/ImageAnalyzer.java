package com.example.lab3;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;

/** Looks at an image with the JDK's ImageIO: no cloud service needed to learn the shape of one. */
final class ImageAnalyzer {

    private ImageAnalyzer() {
    }

    /**
     * @throws IOException when the bytes are not an image ImageIO can read
     */
    static ImageInfo analyze(String blobName, byte[] bytes) throws IOException {
        // TODO 2: Open the bytes with ImageIO.createImageInputStream(new ByteArrayInputStream(bytes)),
        //         take the first ImageIO.getImageReaders(input) (none: throw an IOException naming the blob),
        //         read image 0, and fill an ImageInfo: blobName, format (reader.getFormatName(), lower case),
        //         width, height, byteSize (bytes.length), orientation(...), then measureColour(image, info).
        //         Close the stream and dispose() the reader when done.
        return null;
    }

    static String orientation(int width, int height) {
        return width > height ? "landscape" : width < height ? "portrait" : "square";
    }

    /** Average colour as #rrggbb, and brightness as the average luma (0 black to 255 white). */
    private static void measureColour(BufferedImage image, ImageInfo info) {
        long red = 0;
        long green = 0;
        long blue = 0;
        long pixels = (long) image.getWidth() * image.getHeight();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                red += (rgb >> 16) & 0xFF;
                green += (rgb >> 8) & 0xFF;
                blue += rgb & 0xFF;
            }
        }
        int r = (int) Math.round((double) red / pixels);
        int g = (int) Math.round((double) green / pixels);
        int b = (int) Math.round((double) blue / pixels);
        info.averageColor = String.format("#%02x%02x%02x", r, g, b);
        info.brightness = (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    }
}
