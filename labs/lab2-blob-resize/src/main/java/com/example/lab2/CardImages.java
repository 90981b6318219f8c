package com.example.lab2;

import net.coobird.thumbnailator.Thumbnails;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The image work of the lab, kept apart from the function so it reads (and tests) on its own.
 *
 * <p>Some imports are not used yet: the guide's steps need them (labs/lab2-blob-resize/README.md).
 */
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
        // TODO 2: Read the bytes with Thumbnailator at scale 1.0 with useExifOrientation(true),
        //         and return asBufferedImage().
        return null;
    }

    /** Fits the image inside maxWidth x maxHeight, keeping its proportions and never enlarging it; JPEG out. */
    static byte[] fitWithin(BufferedImage image, int maxWidth, int maxHeight) throws IOException {
        // TODO 3: With Thumbnails.of(image), write a JPEG ("jpg", quality 0.85): at scale 1.0 when the image
        //         already fits, else with size(maxWidth, maxHeight) and keepAspectRatio(true).
        return new byte[0];
    }
}
