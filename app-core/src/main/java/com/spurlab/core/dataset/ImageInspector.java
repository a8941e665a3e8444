package com.spurlab.core.dataset;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes an image only after its header has been checked: a file without a PNG/JPEG signature, or whose
 * declared size is beyond the pixel limit (a decompression bomb), is refused before any pixel is read.
 */
final class ImageInspector {

    static final int MIN_SIDE = 8;

    /** A decoded image's facts; {@code look} finds re-encoded or resized copies of it. */
    record Inspected(int width, int height, int bands, PerceptualHash look) {
    }

    private final long maxPixels;

    ImageInspector(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /** Returns the image's facts, or throws with a message that says what is wrong with it. */
    Inspected inspect(byte[] bytes) throws InvalidImageException {
        String format = format(bytes);
        if (format == null) {
            throw new InvalidImageException("not a PNG or JPEG image");
        }
        // Memory-cached stream: ImageIO's default for a plain stream caches through a temporary file.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (!readers.hasNext()) {
                throw new InvalidImageException("no " + format + " decoder in this Java runtime");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > maxPixels) {
                    throw new InvalidImageException("declared size " + width + "x" + height + " exceeds "
                            + maxPixels + " pixels");
                }
                if (width < MIN_SIDE || height < MIN_SIDE) {
                    throw new InvalidImageException("image is " + width + "x" + height + "; at least "
                            + MIN_SIDE + "x" + MIN_SIDE + " is needed");
                }
                BufferedImage image = reader.read(0);
                return new Inspected(width, height, image.getRaster().getNumBands(), PerceptualHash.of(image));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidImageException("image does not decode: " + e.getMessage());
        }
    }

    /** "png" or "jpeg" by the file's signature (its name proves nothing), else null. */
    private static String format(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "png";
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "jpeg";
        }
        return null;
    }

    static final class InvalidImageException extends Exception {
        InvalidImageException(String message) {
            super(message);
        }
    }
}
