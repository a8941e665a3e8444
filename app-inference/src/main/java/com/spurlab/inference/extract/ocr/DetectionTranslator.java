package com.spurlab.inference.extract.ocr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import com.spurlab.inference.data.PixelBox;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * PP-OCR (DB) text detection: images scaled so their longer side is {@code side} pixels onto a canvas
 * whose sides are multiples of 32, BGR, ImageNet mean/std; the output probability map is
 * thresholded, split into 4-connected components, and each component's bounding box is enlarged the
 * way DB's "unclip" does (by area x ratio / perimeter) and mapped back to the source image.
 */
final class DetectionTranslator implements NoBatchifyTranslator<List<BufferedImage>, List<List<TextLine>>> {

    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};
    /** A pixel is text when its probability exceeds this (PP-OCR's det_db_thresh). */
    private static final float PIXEL_THRESHOLD = 0.3f;
    /** A region is kept when its mean probability exceeds this (PP-OCR's det_db_box_thresh). */
    private static final float BOX_THRESHOLD = 0.6f;
    private static final float UNCLIP_RATIO = 1.6f;
    private static final int MIN_SIDE = 3;

    private final int canvasHeight;
    private final int canvasWidth;
    private final int sourceWidth;
    private final int sourceHeight;
    private final float scale;

    /** All images of one call share {@code sourceWidth} x {@code sourceHeight}. */
    DetectionTranslator(int side, int sourceWidth, int sourceHeight) {
        this.sourceWidth = sourceWidth;
        this.sourceHeight = sourceHeight;
        this.scale = (float) side / Math.max(sourceWidth, sourceHeight);
        this.canvasWidth = roundUp32(Math.round(sourceWidth * scale));
        this.canvasHeight = roundUp32(Math.round(sourceHeight * scale));
    }

    @Override
    public NDList processInput(TranslatorContext ctx, List<BufferedImage> images) {
        int plane = canvasWidth * canvasHeight;
        float[] values = new float[images.size() * 3 * plane];
        int scaledW = Math.round(sourceWidth * scale);
        int scaledH = Math.round(sourceHeight * scale);
        for (int b = 0; b < images.size(); b++) {
            BufferedImage canvas = new BufferedImage(canvasWidth, canvasHeight, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = canvas.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(images.get(b), 0, 0, scaledW, scaledH, null);
            g.dispose();
            int[] rgb = canvas.getRGB(0, 0, canvasWidth, canvasHeight, null, 0, canvasWidth);
            int offset = b * 3 * plane;
            for (int p = 0; p < plane; p++) {
                boolean inside = p % canvasWidth < scaledW && p / canvasWidth < scaledH;
                // BGR order, as the model was trained on OpenCV images; padding is 0 after normalisation.
                for (int c = 0; c < 3; c++) {
                    int value = (rgb[p] >> (8 * c)) & 0xFF;
                    values[offset + c * plane + p] = inside ? (value / 255f - MEAN[c]) / STD[c] : 0f;
                }
            }
        }
        return new NDList(ctx.getNDManager().create(FloatBuffer.wrap(values),
                new Shape(images.size(), 3, canvasHeight, canvasWidth)));
    }

    @Override
    public List<List<TextLine>> processOutput(TranslatorContext ctx, NDList list) {
        NDArray map = list.singletonOrThrow();
        float[] probabilities = map.toFloatArray();
        int plane = canvasWidth * canvasHeight;
        int n = probabilities.length / plane;
        List<List<TextLine>> boxes = new ArrayList<>(n);
        for (int b = 0; b < n; b++) {
            boxes.add(regions(probabilities, b * plane));
        }
        return boxes;
    }

    private List<TextLine> regions(float[] probabilities, int offset) {
        int w = canvasWidth;
        int h = canvasHeight;
        boolean[] seen = new boolean[w * h];
        int[] queue = new int[w * h];
        List<double[]> regions = new ArrayList<>();
        for (int start = 0; start < w * h; start++) {
            if (seen[start] || probabilities[offset + start] <= PIXEL_THRESHOLD) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            seen[start] = true;
            int minX = w;
            int minY = h;
            int maxX = -1;
            int maxY = -1;
            double sum = 0;
            while (head < tail) {
                int p = queue[head++];
                int px = p % w;
                int py = p / w;
                sum += probabilities[offset + p];
                minX = Math.min(minX, px);
                maxX = Math.max(maxX, px);
                minY = Math.min(minY, py);
                maxY = Math.max(maxY, py);
                int[] neighbours = {px > 0 ? p - 1 : -1, px < w - 1 ? p + 1 : -1, py > 0 ? p - w : -1, py < h - 1 ? p + w : -1};
                for (int q : neighbours) {
                    if (q >= 0 && !seen[q] && probabilities[offset + q] > PIXEL_THRESHOLD) {
                        seen[q] = true;
                        queue[tail++] = q;
                    }
                }
            }
            regions.add(new double[] {minX, minY, maxX + 1, maxY + 1, sum / tail, tail});
        }
        List<TextLine> found = new ArrayList<>();
        for (double[] r : mergeLines(regions)) {
            double bw = r[2] - r[0];
            double bh = r[3] - r[1];
            if (Math.min(bw, bh) < MIN_SIDE || r[4] < BOX_THRESHOLD) {
                continue;
            }
            double grow = bw * bh * UNCLIP_RATIO / (2.0 * (bw + bh));
            found.add(toSource(r[0] - grow, r[1] - grow, r[2] + grow, r[3] + grow, (float) r[4]));
        }
        return found;
    }

    /**
     * Joins regions that continue one another on a text line: they overlap vertically by at least half the
     * lower one's height and the gap between them is under half the taller one's height. Enlarged small
     * print often leaves gaps between letters in the probability map, and a word cut in two is read as two
     * fragments. Each region is {x0, y0, x1, y1, mean probability, pixels}.
     */
    static List<double[]> mergeLines(List<double[]> regions) {
        List<double[]> merged = new ArrayList<>(regions);
        boolean changed = true;
        while (changed) {
            changed = false;
            outer:
            for (int i = 0; i < merged.size(); i++) {
                for (int j = i + 1; j < merged.size(); j++) {
                    double[] a = merged.get(i);
                    double[] b = merged.get(j);
                    double overlap = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
                    double gap = Math.max(a[0], b[0]) - Math.min(a[2], b[2]);
                    double lower = Math.min(a[3] - a[1], b[3] - b[1]);
                    double taller = Math.max(a[3] - a[1], b[3] - b[1]);
                    if (overlap >= 0.5 * lower && gap <= 0.5 * taller) {
                        double pixels = a[5] + b[5];
                        merged.set(i, new double[] {Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]),
                                Math.max(a[3], b[3]), (a[4] * a[5] + b[4] * b[5]) / pixels, pixels});
                        merged.remove(j);
                        changed = true;
                        break outer;
                    }
                }
            }
        }
        return merged;
    }

    private TextLine toSource(double x0, double y0, double x1, double y1, float score) {
        int left = clamp((int) Math.floor(x0 / scale), sourceWidth - 1);
        int top = clamp((int) Math.floor(y0 / scale), sourceHeight - 1);
        int right = clamp((int) Math.ceil(x1 / scale), sourceWidth);
        int bottom = clamp((int) Math.ceil(y1 / scale), sourceHeight);
        return new TextLine(new PixelBox(left, top, Math.max(1, right - left), Math.max(1, bottom - top)), score);
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    private static int roundUp32(int v) {
        return Math.max(32, (v + 31) / 32 * 32);
    }
}
