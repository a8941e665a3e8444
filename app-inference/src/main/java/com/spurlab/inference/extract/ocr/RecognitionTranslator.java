package com.spurlab.inference.extract.ocr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PP-OCR (SVTR/CRNN) text recognition of cropped lines: each crop resized to height 48 keeping its
 * aspect ratio, BGR scaled to (px/255 - 0.5)/0.5, right-padded with 0 to the widest crop; the output
 * is decoded greedily as CTC (class 0 is blank, class i is line i-1 of the key file, the class after
 * the last line is a space). Each character keeps the horizontal position of its time step so a
 * word can be boxed inside its line.
 */
final class RecognitionTranslator implements NoBatchifyTranslator<List<BufferedImage>, List<RecognitionTranslator.Line>> {

    static final int HEIGHT = 48;
    private static final int MAX_WIDTH = 480;

    /** A decoded line: its characters, each with probability and centre as a fraction of the crop width. */
    record Line(String text, float[] probabilities, float[] centres) {
    }

    private static final String WIDTHS = "widths";

    private final List<String> keys;

    RecognitionTranslator(List<String> keys) {
        this.keys = keys;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, List<BufferedImage> crops) {
        int[] widths = new int[crops.size()];
        int paddedWidth = HEIGHT;
        for (int i = 0; i < crops.size(); i++) {
            BufferedImage c = crops.get(i);
            widths[i] = Math.max(8, Math.min(MAX_WIDTH, (int) Math.ceil(HEIGHT * (double) c.getWidth() / c.getHeight())));
            paddedWidth = Math.max(paddedWidth, widths[i]);
        }
        // The crops' widths before padding, for the decoder: a time step's position is relative to its crop.
        ctx.setAttachment(WIDTHS, widths);
        int plane = HEIGHT * paddedWidth;
        float[] values = new float[crops.size() * 3 * plane];
        for (int b = 0; b < crops.size(); b++) {
            BufferedImage resized = new BufferedImage(widths[b], HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = resized.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(crops.get(b), 0, 0, widths[b], HEIGHT, null);
            g.dispose();
            int[] rgb = resized.getRGB(0, 0, widths[b], HEIGHT, null, 0, widths[b]);
            int offset = b * 3 * plane;
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < widths[b]; x++) {
                    int pixel = rgb[y * widths[b] + x];
                    for (int c = 0; c < 3; c++) {
                        values[offset + c * plane + y * paddedWidth + x] = (((pixel >> (8 * c)) & 0xFF) / 255f - 0.5f) / 0.5f;
                    }
                }
            }
        }
        return new NDList(ctx.getNDManager().create(FloatBuffer.wrap(values), new Shape(crops.size(), 3, HEIGHT, paddedWidth)));
    }

    @Override
    public List<Line> processOutput(TranslatorContext ctx, NDList list) {
        NDArray output = list.singletonOrThrow();
        Shape shape = output.getShape();
        int n = (int) shape.get(0);
        int steps = (int) shape.get(1);
        int classes = (int) shape.get(2);
        float[] probabilities = output.toFloatArray();
        int[] widths = (int[]) ctx.getAttachment(WIDTHS);
        int paddedWidth = Math.max(HEIGHT, Arrays.stream(widths).max().orElse(HEIGHT));
        List<Line> lines = new ArrayList<>(n);
        for (int b = 0; b < n; b++) {
            lines.add(decode(probabilities, b * steps * classes, steps, classes, widths[b], paddedWidth));
        }
        return lines;
    }

    private Line decode(float[] p, int offset, int steps, int classes, int width, int paddedWidth) {
        StringBuilder text = new StringBuilder();
        List<Float> probs = new ArrayList<>();
        List<Float> centres = new ArrayList<>();
        int previous = 0;
        double stepWidth = (double) paddedWidth / steps;
        for (int t = 0; t < steps; t++) {
            int best = 0;
            int row = offset + t * classes;
            for (int c = 1; c < classes; c++) {
                if (p[row + c] > p[row + best]) {
                    best = c;
                }
            }
            if (best != 0 && best != previous) {
                String symbol = best - 1 < keys.size() ? keys.get(best - 1) : " ";
                text.append(symbol);
                for (int k = 0; k < symbol.length(); k++) {
                    probs.add(p[row + best]);
                    centres.add((float) Math.min(1.0, (t + 0.5) * stepWidth / width));
                }
            }
            previous = best;
        }
        float[] pa = new float[probs.size()];
        float[] ca = new float[centres.size()];
        for (int i = 0; i < pa.length; i++) {
            pa[i] = probs.get(i);
            ca[i] = centres.get(i);
        }
        return new Line(text.toString(), pa, ca);
    }
}
