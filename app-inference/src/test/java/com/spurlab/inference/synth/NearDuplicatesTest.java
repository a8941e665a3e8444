package com.spurlab.inference.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.spurlab.inference.data.Augmentation;
import com.spurlab.inference.data.PerceptualHash;
import com.spurlab.inference.edit.mask.ImageFiles;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {

    /** Soft grey blobs: a picture with low frequencies in both directions, as photos have. */
    private static BufferedImage blobs(long seed) {
        Random random = new Random(seed);
        double[][] v = new double[64][64];
        for (int k = 0; k < 12; k++) {
            double cx = random.nextDouble() * 64;
            double cy = random.nextDouble() * 64;
            double s = 4 + random.nextDouble() * 10;
            double a = random.nextGaussian() * 80;
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    v[y][x] += a * Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * s * s));
                }
            }
        }
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int g = (int) Math.max(0, Math.min(255, 128 + v[y][x]));
                image.setRGB(x, y, g << 16 | g << 8 | g);
            }
        }
        return image;
    }

    private static NearDuplicates.Look look(int label, BufferedImage image) {
        return new NearDuplicates.Look(label, PerceptualHash.of(image));
    }

    @Test
    void aResizedCopyIsNearItsSourceAndAMirroredOrShiftedOneIsNot() {
        BufferedImage source = blobs(1);
        BufferedImage resized = ImageFiles.resized(ImageFiles.resized(source, 48, 48), 64, 64);
        BufferedImage mirrored = Augmentation.apply(new Augmentation.Draw(true, 0, 0, false, 0, 1), source);
        BufferedImage shifted = Augmentation.apply(new Augmentation.Draw(false, 3, 2, false, 0, 1), source);
        List<NearDuplicates.Look> real = List.of(look(0, source), look(0, blobs(2)));

        assertThat(NearDuplicates.count(List.of(look(0, resized)), real)).isEqualTo(1);
        assertThat(NearDuplicates.count(List.of(look(0, mirrored), look(0, shifted)), real)).isZero();
        // Only images of the same label count.
        assertThat(NearDuplicates.count(List.of(look(1, resized)), real)).isZero();
        // Two new images alike are both near-copies; a third, different one is not.
        assertThat(NearDuplicates.count(List.of(look(1, resized), look(1, source), look(1, blobs(3))), real))
                .isEqualTo(2);
    }
}
