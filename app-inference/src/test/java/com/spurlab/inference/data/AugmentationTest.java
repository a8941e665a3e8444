package com.spurlab.inference.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        float[] image = new float[3 * size * size];
        for (int i = 0; i < image.length; i++) {
            image[i] = (i % size) / 10f;
        }
        Augmentation flip = new Augmentation(true, 0, 0);
        float[] flipped = null;
        for (int seed = 0; seed < 20 && flipped == null; seed++) {
            float[] copy = image.clone();
            flip.apply(copy, 0, size, new Random(seed), new float[size * size]);
            if (!java.util.Arrays.equals(copy, image)) {
                flipped = copy;
            }
        }
        assertThat(flipped).isNotNull();
        for (int c = 0; c < 3; c++) {
            for (int x = 0; x < size; x++) {
                assertThat(flipped[c * size * size + x]).isEqualTo(image[c * size * size + size - 1 - x]);
            }
        }

        Augmentation all = new Augmentation(true, 1, 0.5);
        float[] first = image.clone();
        float[] second = image.clone();
        all.apply(first, 0, size, new Random(7), new float[size * size]);
        all.apply(second, 0, size, new Random(7), new float[size * size]);
        assertThat(first).containsExactly(second).isNotEqualTo(image);
        for (float v : first) {
            assertThat(v).isBetween(-1f, 1f);
        }
    }
}
