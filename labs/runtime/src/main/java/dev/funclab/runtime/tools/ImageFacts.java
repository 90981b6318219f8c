package dev.funclab.runtime.tools;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code scripts/storage info} and {@code download} say about a picture: its format, its size as
 * stored, and the EXIF orientation a JPEG may carry (phones store photos sideways and record the turn
 * there), with the size it is shown at. Read with the JDK's ImageIO and a small EXIF reader, so no
 * image tool needs to be installed.
 */
final class ImageFacts {

    private static final String[] TURNS = {
            null,
            "upright",
            "mirrored left to right",
            "turn 180 degrees",
            "mirrored top to bottom",
            "mirrored, then turn 90 degrees clockwise",
            "turn 90 degrees clockwise",
            "mirrored, then turn 90 degrees anticlockwise",
            "turn 90 degrees anticlockwise"};

    private ImageFacts() {
    }

    /** For example "JPEG 640x400", or "JPEG 400x640 as stored, EXIF orientation 6 (...): shown as 640x400"; empty when not an image. */
    static Optional<String> describe(byte[] bytes) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                String format = reader.getFormatName().toUpperCase(Locale.ROOT);
                int orientation = exifOrientation(bytes);
                if (orientation <= 1 || orientation >= TURNS.length) {
                    return Optional.of(format + " " + width + "x" + height);
                }
                boolean swaps = orientation >= 5;
                return Optional.of(format + " " + width + "x" + height + " as stored, EXIF orientation " + orientation + " ("
                        + TURNS[orientation] + "): shown as " + (swaps ? height + "x" + width : width + "x" + height));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The Orientation tag (0x0112) of a JPEG's EXIF block, or 0 when there is none. */
    static int exifOrientation(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            return 0;
        }
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) { // start of scan or end of image: no more metadata
                return 0;
            }
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            int start = at + 4;
            int end = at + 2 + length;
            if (length < 2 || end > jpeg.length) {
                return 0;
            }
            if (marker == 0xE1 && end - start > 14 && jpeg[start] == 'E' && jpeg[start + 1] == 'x' && jpeg[start + 2] == 'i'
                    && jpeg[start + 3] == 'f' && jpeg[start + 4] == 0 && jpeg[start + 5] == 0) {
                return orientationInTiff(ByteBuffer.wrap(jpeg, start + 6, end - start - 6).slice());
            }
            at = end;
        }
        return 0;
    }

    private static int orientationInTiff(ByteBuffer tiff) {
        if (tiff.remaining() < 8) {
            return 0;
        }
        if (tiff.get(0) == 'I' && tiff.get(1) == 'I') {
            tiff.order(ByteOrder.LITTLE_ENDIAN);
        } else if (tiff.get(0) != 'M' || tiff.get(1) != 'M') {
            return 0;
        }
        long ifd = tiff.getInt(4) & 0xFFFFFFFFL;
        if (ifd + 2 > tiff.limit()) {
            return 0;
        }
        int entries = tiff.getShort((int) ifd) & 0xFFFF;
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + i * 12;
            if (entry + 12 > tiff.limit()) {
                return 0;
            }
            if ((tiff.getShort(entry) & 0xFFFF) == 0x0112 && (tiff.getShort(entry + 2) & 0xFFFF) == 3) {
                return tiff.getShort(entry + 8) & 0xFFFF;
            }
        }
        return 0;
    }
}
