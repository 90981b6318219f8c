package com.example.lab2;

import net.coobird.thumbnailator.Thumbnails;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** The image work of the lab, kept apart from the function so it reads (and tests) on its own. */
final class CardImages {

    private CardImages() {
    }

    /**
     * Decodes an image and turns it upright: phones store photos sideways and record the turn in
     * the EXIF "Orientation" tag, which Thumbnailator applies.
     *
     * @throws IOException when the bytes are not an image; the function then fails, as it should
     */
    static BufferedImage readUpright(byte[] image) throws IOException {
        return Thumbnails.of(new ByteArrayInputStream(image))
                .scale(1.0)
                .useExifOrientation(true)
                .asBufferedImage();
    }

    /** Fits the image inside maxWidth x maxHeight, keeping its proportions and never enlarging it; JPEG out. */
    static byte[] fitWithin(BufferedImage image, int maxWidth, int maxHeight) throws IOException {
        Thumbnails.Builder<BufferedImage> builder = Thumbnails.of(image).outputFormat("jpg").outputQuality(0.85);
        if (image.getWidth() <= maxWidth && image.getHeight() <= maxHeight) {
            builder.scale(1.0);
        } else {
            builder.size(maxWidth, maxHeight).keepAspectRatio(true);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        builder.toOutputStream(out);
        return out.toByteArray();
    }
}
