package com.spurlab.inference.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmentationTest {

    @Test
    void parsesTheTextFormAndWritesItBack() {
        assertThat(Augmentation.parse("none")).isEqualTo(Augmentation.NONE);
        assertThat(Augmentation.parse("")).isEqualTo(Augmentation.NONE);
        Augmentation a = Augmentation.parse("Flip, crop=6,jitter=0.3");
        assertThat(a).isEqualTo(new Augmentation(true, 6, 0.3));
        assertThat(Augmentation.parse(a.toString())).isEqualTo(a);
        assertThat(Augmentation.parse("crop,jitter")).isEqualTo(new Augmentation(false, 4, 0.2));
    }

    @Test
    void refusesWhatItDoesNotKnowSayingWhatIsAllowed() {
        assertThatThrownBy(() -> Augmentation.parse("rotate")).hasMessageContaining("unknown augmentation 'rotate'")
                .hasMessageContaining("flip, crop[=pixels], jitter[=strength]");
        assertThatThrownBy(() -> Augmentation.parse("crop=x")).hasMessageContaining("needs a number");
        assertThatThrownBy(() -> Augmentation.parse("jitter=2")).hasMessageContaining("between 0 and 0.9");
    }

    @Test
    void flipMirrorsEveryChannelAndTheSameSeedGivesTheSameImage() {
        int size = 4;
        // One image, (S, S, 3) bytes: the value grows with x, differently per channel.
        byte[] pixels = new byte[size * size * 3];
        for (int p = 0; p < size * size; p++) {
            for (int c = 0; c < 3; c++) {
                pixels[p * 3 + c] = (byte) ((p % size) * 20 + c * 60);
            }
        }
        DecodedImages images = new DecodedImages(size, pixels, new int[] {0});
        float[] plain = assemble(images, Augmentation.NONE, 0);
        Augmentation flip = new Augmentation(true, 0, 0);
        float[] flipped = null;
        for (int seed = 0; seed < 20 && flipped == null; seed++) {
            float[] candidate = assemble(images, flip, seed);
            if (!Arrays.equals(candidate, plain)) {
                flipped = candidate;
            }
        }
        assertThat(flipped).isNotNull();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                for (int c = 0; c < 3; c++) {
                    assertThat(flipped[(y * size + x) * 3 + c]).isEqualTo(plain[(y * size + size - 1 - x) * 3 + c]);
                }
            }
        }

        Augmentation all = new Augmentation(true, 1, 0.5);
        float[] first = assemble(images, all, 7);
        assertThat(first).containsExactly(assemble(images, all, 7)).isNotEqualTo(plain);
        for (float v : first) {
            assertThat(v).isBetween(-1f, 1f);
        }
    }

    @Test
    void aCropReplicatesTheEdgeAndJitterScalesAroundMidGrey() {
        int size = 3;
        byte[] pixels = new byte[size * size * 3];
        for (int p = 0; p < size * size; p++) {
            Arrays.fill(pixels, p * 3, p * 3 + 3, (byte) (p * 30));
        }
        DecodedImages images = new DecodedImages(size, pixels, new int[] {0});
        float[] plain = assemble(images, Augmentation.NONE, 0);

        Augmentation.Draw shift = new Augmentation.Draw(false, 1, -1, false, 0, 1);
        float[] shifted = assemble(images, shift);
        // Row 0 reads row -1 (clamped to 0), column x reads x + 1 (the last column repeats).
        assertThat(shifted[0]).isEqualTo(plain[3]);
        assertThat(shifted[(0 * size + 2) * 3]).isEqualTo(plain[(0 * size + 2) * 3]);
        assertThat(shifted[(2 * size + 0) * 3]).isEqualTo(plain[(1 * size + 1) * 3]);

        float[] jittered = assemble(images, new Augmentation.Draw(false, 0, 0, true, 0.5f, 2f));
        for (int k = 0; k < plain.length; k++) {
            assertThat(jittered[k]).isEqualTo(Math.max(-1f, Math.min(1f, plain[k] * 2f + 0.5f)));
        }
    }

    private static float[] assemble(DecodedImages images, Augmentation augmentation, long seed) {
        ByteBuffer buffer = DecodedImages.allocateBatch(1, images.imageSize());
        images.fill(buffer, new int[] {0}, augmentation, new Random(seed));
        return floats(buffer);
    }

    /** The image with exactly {@code draw} applied. */
    private static float[] assemble(DecodedImages images, Augmentation.Draw draw) {
        ByteBuffer buffer = DecodedImages.allocateBatch(1, images.imageSize());
        images.fill(buffer, new int[] {0}, draw);
        return floats(buffer);
    }

    private static float[] floats(ByteBuffer buffer) {
        FloatBuffer f = buffer.order(ByteOrder.nativeOrder()).asFloatBuffer();
        float[] out = new float[f.remaining()];
        f.get(out);
        return out;
    }
}
