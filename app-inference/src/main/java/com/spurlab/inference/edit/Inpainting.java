package com.spurlab.inference.edit;

import com.spurlab.inference.edit.mask.RegionMask;
import java.awt.image.BufferedImage;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.photo.Photo;

/**
 * Telea's fast-marching inpainting (OpenCV's {@code INPAINT_TELEA}): each hole pixel, from the
 * border inwards, becomes a gradient-aware weighted mean of the known pixels near it. OpenCV's
 * natives come inside the {@code org.openpnp:opencv} jar and are loaded once per process.
 */
final class Inpainting {

    /** Neighbourhood radius in pixels that Telea's weights look at. */
    static final double RADIUS = 3.0;

    private static volatile boolean loaded;

    private Inpainting() {
    }

    /** {@code image} with every pixel inside {@code hole} filled from its surroundings. */
    static BufferedImage telea(BufferedImage image, RegionMask hole) {
        load();
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] rgb = new byte[w * h * 3];
        byte[] holeBytes = new byte[w * h];
        boolean[] in = hole.pixels();
        for (int p = 0; p < argb.length; p++) {
            rgb[3 * p] = (byte) (argb[p] >> 16);
            rgb[3 * p + 1] = (byte) (argb[p] >> 8);
            rgb[3 * p + 2] = (byte) argb[p];
            holeBytes[p] = (byte) (in[p] ? 255 : 0);
        }
        Mat source = new Mat(h, w, CvType.CV_8UC3);
        Mat mask = new Mat(h, w, CvType.CV_8UC1);
        Mat filled = new Mat();
        try {
            source.put(0, 0, rgb);
            mask.put(0, 0, holeBytes);
            Photo.inpaint(source, mask, filled, RADIUS, Photo.INPAINT_TELEA);
            filled.get(0, 0, rgb);
        } finally {
            // Mats hold native memory that the garbage collector does not see.
            source.release();
            mask.release();
            filled.release();
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int p = 0; p < argb.length; p++) {
            argb[p] = (rgb[3 * p] & 0xFF) << 16 | (rgb[3 * p + 1] & 0xFF) << 8 | (rgb[3 * p + 2] & 0xFF);
        }
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    private static void load() {
        if (!loaded) {
            synchronized (Inpainting.class) {
                if (!loaded) {
                    try {
                        nu.pattern.OpenCV.loadLocally();
                    } catch (RuntimeException | UnsatisfiedLinkError e) {
                        throw new IllegalStateException("OpenCV's natives (org.openpnp:opencv) could not be loaded on "
                                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ": " + e.getMessage(), e);
                    }
                    loaded = true;
                }
            }
        }
    }
}
