package com.spurlab.inference.edit.mask;

import com.spurlab.inference.data.PixelBox;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A binary pixel mask of an image: true where the region (a foreground, a text box, a patch) is.
 * Immutable; operations return new masks.
 */
public final class RegionMask {

    private final int width;
    private final int height;
    private final boolean[] inside;

    private RegionMask(int width, int height, boolean[] inside) {
        this.width = width;
        this.height = height;
        this.inside = inside;
    }

    /**
     * A mask from row-major pixels, {@code width * height} long.
     *
     * @throws IllegalArgumentException when the sizes do not agree
     */
    public static RegionMask of(int width, int height, boolean[] pixels) {
        if (width < 1 || height < 1 || pixels.length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " mask needs " + (long) width * height
                    + " pixels, got " + pixels.length);
        }
        return new RegionMask(width, height, pixels.clone());
    }

    public static RegionMask empty(int width, int height) {
        return of(width, height, new boolean[width * height]);
    }

    /** The pixels inside any of the boxes, each grown by {@code pad} pixels and clipped to the image. */
    public static RegionMask ofBoxes(int width, int height, List<PixelBox> boxes, int pad) {
        boolean[] in = new boolean[width * height];
        for (PixelBox b : boxes) {
            for (int y = Math.max(0, b.y() - pad); y < Math.min(height, b.y() + b.height() + pad); y++) {
                for (int x = Math.max(0, b.x() - pad); x < Math.min(width, b.x() + b.width() + pad); x++) {
                    in[y * width + x] = true;
                }
            }
        }
        return new RegionMask(width, height, in);
    }

    /** Pixels whose value in {@code image}'s first band is above 0 (the manifest's convention: foreground &gt; 0). */
    public static RegionMask ofImage(BufferedImage image) {
        Raster raster = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        boolean[] in = new boolean[w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                in[y * w + x] = row[x] > 0;
            }
        }
        return new RegionMask(w, h, in);
    }

    /**
     * Reads a single-channel PNG mask (foreground &gt; 0; for a colour file, its first band).
     *
     * @throws UncheckedIOException when the file is missing or not an image
     */
    public static RegionMask read(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IOException("not a PNG/JPEG image: " + file);
            }
            return ofImage(image);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mask " + file, e);
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean contains(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && inside[y * width + x];
    }

    /** Number of pixels inside. */
    public int area() {
        int n = 0;
        for (boolean b : inside) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    public boolean isEmpty() {
        return area() == 0;
    }

    public boolean covers(int w, int h) {
        return width == w && height == h;
    }

    /** The complement: for a foreground mask, the background. */
    public RegionMask inverted() {
        boolean[] out = new boolean[inside.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = !inside[i];
        }
        return new RegionMask(width, height, out);
    }

    /** Grown by {@code radius} pixels in the chessboard metric (a square structuring element). */
    public RegionMask dilated(int radius) {
        boolean[] rows = new boolean[inside.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int dx = -radius; dx <= radius && !rows[y * width + x]; dx++) {
                    rows[y * width + x] = contains(x + dx, y);
                }
            }
        }
        boolean[] out = new boolean[inside.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int dy = -radius; dy <= radius && !out[y * width + x]; dy++) {
                    int yy = y + dy;
                    out[y * width + x] = yy >= 0 && yy < height && rows[yy * width + x];
                }
            }
        }
        return new RegionMask(width, height, out);
    }

    /** Moved by (dx, dy); pixels moved outside the image are dropped. */
    public RegionMask translated(int dx, int dy) {
        boolean[] out = new boolean[inside.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (inside[y * width + x] && x + dx >= 0 && x + dx < width && y + dy >= 0 && y + dy < height) {
                    out[(y + dy) * width + x + dx] = true;
                }
            }
        }
        return new RegionMask(width, height, out);
    }

    public boolean intersects(RegionMask other) {
        requireSameSize(other);
        for (int i = 0; i < inside.length; i++) {
            if (inside[i] && other.inside[i]) {
                return true;
            }
        }
        return false;
    }

    /** Intersection over union with another mask of the same size; 1 when both are empty. */
    public double iou(RegionMask other) {
        requireSameSize(other);
        int both = 0;
        int either = 0;
        for (int i = 0; i < inside.length; i++) {
            both += inside[i] && other.inside[i] ? 1 : 0;
            either += inside[i] || other.inside[i] ? 1 : 0;
        }
        return either == 0 ? 1.0 : (double) both / either;
    }

    /** The smallest box holding every pixel inside as {x, y, width, height}; all zero when empty. */
    public int[] bounds() {
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (inside[y * width + x]) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? new int[4] : new int[] {minX, minY, maxX - minX + 1, maxY - minY + 1};
    }

    /** A grey image, 255 inside and 0 outside: the manifest's mask format. */
    public BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        int[] values = new int[inside.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = inside[i] ? 255 : 0;
        }
        image.getRaster().setPixels(0, 0, width, height, values);
        return image;
    }

    /** Row-major copy of the pixels. */
    public boolean[] pixels() {
        return inside.clone();
    }

    private void requireSameSize(RegionMask other) {
        if (!other.covers(width, height)) {
            throw new IllegalArgumentException("masks differ in size: " + width + "x" + height + " and "
                    + other.width + "x" + other.height);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegionMask m && m.width == width && m.height == height && Arrays.equals(m.inside, inside);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(inside);
    }

    @Override
    public String toString() {
        return "RegionMask[" + width + "x" + height + ", area " + area() + "]";
    }
}
