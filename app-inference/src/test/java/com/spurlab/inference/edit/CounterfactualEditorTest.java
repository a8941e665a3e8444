package com.spurlab.inference.edit;

import com.spurlab.inference.data.PixelBox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.inference.edit.mask.Drawn;
import com.spurlab.inference.edit.mask.RegionMask;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-image operations on small drawn images. */
class CounterfactualEditorTest {

    private final CounterfactualEditor editor = new CounterfactualEditor();

    private static int[] rgb(BufferedImage image, int x, int y) {
        int p = image.getRGB(x, y);
        return new int[] {(p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF};
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void removeBackgroundFillsEveryBackgroundPixelNeutrallyAndKeepsTheForeground() {
        Drawn.Scene scene = Drawn.scene(32, 0.0f, new Random(1));
        int[] before = pixels(scene.image());
        BufferedImage out = editor.removeBackground(scene.image(), scene.foreground(), CounterfactualEditor.NEUTRAL);

        RegionMask inner = scene.foreground().inverted().dilated(1).inverted();
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                if (!scene.foreground().contains(x, y)) {
                    assertThat(rgb(out, x, y)).containsExactly(128, 128, 128);
                } else if (inner.contains(x, y)) {
                    assertThat(out.getRGB(x, y)).isEqualTo(scene.image().getRGB(x, y));
                }
            }
        }
        assertThat(pixels(scene.image())).isEqualTo(before);
    }

    @Test
    void replaceBackgroundPutsTheForegroundOnTheDonorsInpaintedBackground() {
        Drawn.Scene warm = Drawn.scene(32, 0.0f, new Random(2));
        Drawn.Scene cool = Drawn.scene(32, 0.6f, new Random(3));
        BufferedImage out = editor.replaceBackground(warm.image(), warm.foreground(), cool.image(), cool.foreground());

        int blueish = 0;
        int background = 0;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                if (!warm.foreground().contains(x, y)) {
                    background++;
                    int[] c = rgb(out, x, y);
                    // Where the donor's grey object was, the hole is inpainted from the blue around it.
                    blueish += c[2] > c[0] + 40 ? 1 : 0;
                }
            }
        }
        assertThat(blueish).isEqualTo(background);
        RegionMask inner = warm.foreground().inverted().dilated(1).inverted();
        int[] p = inner.bounds();
        assertThat(out.getRGB(p[0] + p[2] / 2, p[1] + p[3] / 2)).isEqualTo(warm.image().getRGB(p[0] + p[2] / 2,
                p[1] + p[3] / 2));
    }

    @Test
    void inpaintFollowsTheSurroundingGradientInsteadOfAFlatFill() {
        BufferedImage gradient = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 40; x++) {
                int v = 40 + 4 * x;
                gradient.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        BufferedImage stamped = editor.paste(gradient, solid(16, 6, 0x000000), 12, 7);
        RegionMask word = RegionMask.ofBoxes(40, 20, List.of(new PixelBox(12, 7, 16, 6)), 0);

        BufferedImage out = editor.inpaint(stamped, word);

        for (int x = 12; x < 28; x++) {
            int expected = 40 + 4 * x;
            assertThat(rgb(out, x, 10)[0]).isBetween(expected - 14, expected + 14);
        }
        assertThat(rgb(out, 13, 10)[0]).isLessThan(rgb(out, 26, 10)[0] - 30);
        assertThat(out.getRGB(5, 5)).isEqualTo(gradient.getRGB(5, 5));
        assertThat(stamped.getRGB(15, 10) & 0xFFFFFF).isZero();
    }

    @Test
    void pasteAndCropCopyPixelsExactlyAndRefuseBoxesOutsideTheImage() {
        BufferedImage base = solid(20, 20, 0x102030);
        BufferedImage withPatch = editor.paste(base, solid(4, 3, 0xFF0000), 16, 17);
        assertThat(withPatch.getRGB(16, 17) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(withPatch.getRGB(15, 17) & 0xFFFFFF).isEqualTo(0x102030);
        assertThat(editor.crop(withPatch, 16, 17, 4, 3).getRGB(3, 2) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThatThrownBy(() -> editor.paste(base, solid(4, 4, 0), 17, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit a 20x20 image");
        assertThatThrownBy(() -> editor.crop(base, -1, 0, 4, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMaskOfTheWrongSizeAnEmptyOneOrAFullOneIsRefusedClearly() {
        Drawn.Scene scene = Drawn.scene(32, 0.3f, new Random(4));
        assertThatThrownBy(() -> editor.removeBackground(scene.image(), RegionMask.empty(16, 16).inverted(),
                CounterfactualEditor.NEUTRAL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16x16").hasMessageContaining("32x32");
        assertThatThrownBy(() -> editor.inpaint(scene.image(), RegionMask.empty(32, 32)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> editor.backgroundOf(scene.image(), RegionMask.empty(32, 32).inverted()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole image");
    }

    private static BufferedImage solid(int w, int h, int rgb) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }
}
