package com.spurlab.inference.cueset;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stamps a printed word onto an image at a random place, size and colour, upright and in a bold sans
 * font so that an OCR model can read it: the word's ink is at least 15 % of the image high (14 px at
 * 96 px) unless a long word must shrink to fit across, and its colour is chosen far in brightness
 * from what lies under it.
 */
final class WordStamp {

    /** Debian package fonts-dejavu-core. */
    static final Path FONT_FILE = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
    private static final double MIN_HEIGHT = 0.15;
    private static final double MAX_HEIGHT = 0.24;
    private static final double MAX_WIDTH = 0.9;
    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);
    private static final Logger log = LoggerFactory.getLogger(WordStamp.class);
    private static final Font FONT = loadFont();

    private WordStamp() {
    }

    /** Draws {@code word} on {@code image} and returns the box of its ink. */
    static TextBox stamp(BufferedImage image, String word, Random random) {
        int size = Math.min(image.getWidth(), image.getHeight());
        Rectangle2D unit = FONT.deriveFont(100f).createGlyphVector(CONTEXT, word).getVisualBounds();
        double maxHeight = Math.min(MAX_HEIGHT * size, MAX_WIDTH * size * unit.getHeight() / unit.getWidth());
        double minHeight = Math.min(MIN_HEIGHT * size, maxHeight);
        double height = minHeight + random.nextDouble() * (maxHeight - minHeight);
        Font font = FONT.deriveFont((float) (100 * height / unit.getHeight()));
        GlyphVector glyphs = font.createGlyphVector(CONTEXT, word);
        Rectangle2D bounds = glyphs.getVisualBounds();
        int inkWidth = (int) Math.ceil(bounds.getWidth()) + 2;
        int inkHeight = (int) Math.ceil(bounds.getHeight()) + 2;
        int left = 1 + random.nextInt(Math.max(1, image.getWidth() - inkWidth - 1));
        int top = 1 + random.nextInt(Math.max(1, image.getHeight() - inkHeight - 1));

        // Ink first on its own grey layer: its coverage gives the exact box and the blend weight.
        BufferedImage ink = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = ink.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.drawGlyphVector(glyphs, (float) (left + 1 - bounds.getX()), (float) (top + 1 - bounds.getY()));
        } finally {
            g.dispose();
        }
        int[] coverage = ink.getRaster().getPixels(0, 0, ink.getWidth(), ink.getHeight(), (int[]) null);
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        double luminance = 0;
        int inked = 0;
        for (int y = 0; y < ink.getHeight(); y++) {
            for (int x = 0; x < ink.getWidth(); x++) {
                if (coverage[y * ink.getWidth() + x] > 0) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                    luminance += luminance(image.getRGB(x, y));
                    inked++;
                }
            }
        }
        if (inked == 0) {
            throw new IllegalStateException("the word " + word + " left no ink on a " + size + " px image");
        }
        int colour = inkColour(luminance / inked, random);
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                double alpha = coverage[y * ink.getWidth() + x] / 255.0;
                if (alpha > 0) {
                    image.setRGB(x, y, mix(image.getRGB(x, y), colour, alpha));
                }
            }
        }
        return new TextBox(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    /** Dark ink on a light place, light ink on a dark one; the hue is free. */
    private static int inkColour(double luminanceUnder, Random random) {
        float hue = random.nextFloat();
        return luminanceUnder > 0.5
                ? Color.HSBtoRGB(hue, 0.5f + 0.5f * random.nextFloat(), 0.05f + 0.15f * random.nextFloat())
                : Color.HSBtoRGB(hue, 0.35f * random.nextFloat(), 0.92f + 0.08f * random.nextFloat());
    }

    private static double luminance(int rgb) {
        return (0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF)) / 255.0;
    }

    private static int mix(int under, int over, double alpha) {
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int a = (under >> shift) & 0xFF;
            int b = (over >> shift) & 0xFF;
            out |= ((int) Math.round(alpha * b + (1 - alpha) * a)) << shift;
        }
        return out & 0xFFFFFF;
    }

    /** The font in use, e.g. "DejaVu Sans Bold", or the logical fallback's name. */
    static String fontName() {
        return FONT.getFontName(java.util.Locale.ROOT);
    }

    private static Font loadFont() {
        if (Files.isReadable(FONT_FILE)) {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, FONT_FILE.toFile());
            } catch (FontFormatException | IOException e) {
                log.warn("cannot read {} ({}); stamping words in Java's logical SansSerif font", FONT_FILE, e.getMessage());
            }
        } else {
            log.warn("{} is missing (Debian package fonts-dejavu-core); stamping words in Java's logical SansSerif font",
                    FONT_FILE);
        }
        return new Font(Font.SANS_SERIF, Font.BOLD, 100);
    }
}
