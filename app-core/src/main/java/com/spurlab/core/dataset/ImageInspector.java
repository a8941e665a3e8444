package com.spurlab.core.dataset;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an image only after its header has been checked: a file that is not PNG/JPEG, or whose
 * declared size is beyond the pixel limit (a decompression bomb), is refused before any pixel is read.
 */
final class ImageInspector {

    static final int MIN_SIDE = 8;

    /** A decoded image's facts. */
    record Inspected(int width, int height, int bands) {
    }

    private final long maxPixels;

    ImageInspector(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /** Returns the image's facts, or throws with a message that says what is wrong with it. */
    Inspected inspect(byte[] bytes) throws InvalidImageException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidImageException("not a PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!format.equals("png") && !format.equals("jpeg")) {
                    throw new InvalidImageException("format " + format + " is not accepted (use PNG or JPEG)");
                }
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
                return new Inspected(width, height, image.getRaster().getNumBands());
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidImageException("image does not decode: " + e.getMessage());
        }
    }

    static final class InvalidImageException extends Exception {
        InvalidImageException(String message) {
            super(message);
        }
    }
}
