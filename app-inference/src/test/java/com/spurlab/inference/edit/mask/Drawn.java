package com.spurlab.inference.edit.mask;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Test fixture: small drawn images — a grey blob on a saturated, striped background — and their true masks. */
public final class Drawn {

    /** An image and its true foreground. */
    public record Scene(BufferedImage image, RegionMask foreground) {
    }

    private Drawn() {
    }

    /**
     * A grey ellipse (random size and place) on a striped background of hue {@code hue} (0..1).
     */
    public static Scene scene(int size, float hue, Random random) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        boolean[] fg = new boolean[size * size];
        double cx = size * (0.35 + 0.3 * random.nextDouble());
        double cy = size * (0.35 + 0.3 * random.nextDouble());
        double rx = size * (0.15 + 0.12 * random.nextDouble());
        double ry = size * (0.15 + 0.12 * random.nextDouble());
        int grey = 90 + random.nextInt(120);
        double period = 4 + random.nextInt(5);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = (x + 0.5 - cx) / rx;
                double dy = (y + 0.5 - cy) / ry;
                boolean inside = dx * dx + dy * dy <= 1;
                fg[y * size + x] = inside;
                float brightness = ((int) ((x + y) / period)) % 2 == 0 ? 0.85f : 0.65f;
                int shade = grey + (x % 3) - 1;
                image.setRGB(x, y, inside ? shade << 16 | shade << 8 | shade
                        : Color.HSBtoRGB(hue, 0.8f, brightness) & 0xFFFFFF);
            }
        }
        return new Scene(image, RegionMask.of(size, size, fg));
    }
}
