package com.spurlab.inference.cueset;

import static org.assertj.core.api.Assertions.assertThat;

import com.spurlab.inference.cueset.SceneRenderer.Scene;
import com.spurlab.inference.cueset.SceneRenderer.Texture;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** One sample rendered with either cue value: only the cue differs, and a stamped word is where its box says. */
class SceneRendererTest {

    /** A blocky "garment": a bright rectangle in the middle of the 28x28 grid. */
    private static byte[] garment() {
        byte[] pixels = new byte[28 * 28];
        for (int y = 6; y < 22; y++) {
            for (int x = 8; x < 20; x++) {
                pixels[y * 28 + x] = (byte) 200;
            }
        }
        return pixels;
    }

    @Test
    void aStampChangesPixelsInsideItsBoxAndNowhereElse() {
        for (long seed = 1; seed <= 40; seed++) {
            Scene stamped = SceneRenderer.render(garment(), CueKind.STAMPED_WORD, 0, Texture.DOTTED, "SALE", Backdrop.DIM, 96, seed);
            Scene plain = SceneRenderer.render(garment(), CueKind.STAMPED_WORD, 1, Texture.DOTTED, "SALE", Backdrop.DIM, 96, seed);
            TextBox box = stamped.box();

            assertThat(plain.box()).isNull();
            assertThat(box.x() + box.width()).isLessThanOrEqualTo(96);
            assertThat(box.y() + box.height()).isLessThanOrEqualTo(96);
            assertThat(box.height()).as("legible ink height at 96 px").isGreaterThanOrEqualTo(14);
            int changedInside = 0;
            for (int y = 0; y < 96; y++) {
                for (int x = 0; x < 96; x++) {
                    boolean changed = stamped.image().getRGB(x, y) != plain.image().getRGB(x, y);
                    if (box.contains(x, y)) {
                        changedInside += changed ? 1 : 0;
                    } else {
                        assertThat(changed).as("pixel %d,%d outside %s, seed %d", x, y, box, seed).isFalse();
                    }
                }
            }
            // Bold capitals cover a good part of their box.
            assertThat(changedInside).as("seed %d", seed).isGreaterThan(box.width() * box.height() / 5);
            assertThat(meanAbsoluteLuminanceChange(stamped.image(), plain.image(), box)).as("contrast, seed %d", seed)
                    .isGreaterThan(40);
        }
    }

    @Test
    void theOtherCueValueKeepsGarmentPlaceAndMask() {
        for (CueKind cue : CueKind.values()) {
            Scene a = SceneRenderer.render(garment(), cue, 0, Texture.STRIPED, "SALE", Backdrop.BRIGHT, 48, 9L);
            Scene b = SceneRenderer.render(garment(), cue, 1, Texture.STRIPED, "SALE", Backdrop.BRIGHT, 48, 9L);
            int[] maskA = a.mask().getRaster().getPixels(0, 0, 48, 48, (int[]) null);
            int[] maskB = b.mask().getRaster().getPixels(0, 0, 48, 48, (int[]) null);
            assertThat(maskA).as(cue.name()).isEqualTo(maskB);
            assertThat(java.util.Arrays.stream(maskA).filter(v -> v == 255).count()).as(cue.name()).isGreaterThan(100);
            assertThat(differingPixels(a.image(), b.image())).as(cue.name()).isPositive();
        }
    }

    @Test
    void aDimBackdropIsDarkerThanTheGarmentAndABrightOneIsNot() {
        for (long seed = 1; seed <= 10; seed++) {
            Scene dim = SceneRenderer.render(garment(), CueKind.BACKGROUND, 0, Texture.STRIPED, null, Backdrop.DIM, 48, seed);
            Scene bright = SceneRenderer.render(garment(), CueKind.BACKGROUND, 0, Texture.STRIPED, null, Backdrop.BRIGHT, 48, seed);
            // The garment's pixels are grey 200; the dim background stays far below it, the bright one comes close.
            assertThat(backgroundValue(dim)).as("seed %d", seed).isLessThan(130);
            assertThat(backgroundValue(bright)).as("seed %d", seed).isGreaterThan(120);
            assertThat(backgroundValue(bright) - backgroundValue(dim)).as("seed %d", seed).isGreaterThan(40);
        }
    }

    /** Mean HSB brightness (largest channel) of the pixels outside the garment mask, 0..255. */
    private static double backgroundValue(Scene scene) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < scene.image().getHeight(); y++) {
            for (int x = 0; x < scene.image().getWidth(); x++) {
                if (scene.mask().getRaster().getSample(x, y, 0) == 0) {
                    int rgb = scene.image().getRGB(x, y);
                    sum += Math.max((rgb >> 16) & 0xFF, Math.max((rgb >> 8) & 0xFF, rgb & 0xFF));
                    n++;
                }
            }
        }
        return sum / n;
    }

    @Test
    void theDejaVuFontIsUsed() {
        // ./spurlab test installs fonts-dejavu-core; without it the stamp falls back to another font, and this fails.
        assertThat(java.nio.file.Files.isReadable(WordStamp.FONT_FILE))
                .as("%s missing: install the Debian package fonts-dejavu-core", WordStamp.FONT_FILE).isTrue();
        assertThat(WordStamp.fontName()).isEqualTo("DejaVu Sans Bold");
    }

    private static int differingPixels(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                n += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return n;
    }

    private static double meanAbsoluteLuminanceChange(BufferedImage a, BufferedImage b, TextBox box) {
        double sum = 0;
        int n = 0;
        for (int y = box.y(); y < box.y() + box.height(); y++) {
            for (int x = box.x(); x < box.x() + box.width(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    sum += Math.abs(luma(a.getRGB(x, y)) - luma(b.getRGB(x, y)));
                    n++;
                }
            }
        }
        return sum / n;
    }

    private static double luma(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
    }
}
