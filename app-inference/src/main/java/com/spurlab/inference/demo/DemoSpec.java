package com.spurlab.inference.demo;

import com.spurlab.inference.cueset.ArchiveFormat;
import com.spurlab.inference.cueset.Backdrop;
import com.spurlab.inference.cueset.CueKind;
import com.spurlab.inference.cueset.CueSetSpec;
import java.util.HashSet;
import java.util.List;

/**
 * Shape of a spurious-cue demo dataset.
 *
 * @param fashionClasses      Fashion-MNIST class indices (0..9), in label order; at least two
 * @param trainPerClass       training images per class (train and val together at most 6000 per class)
 * @param valPerClass         validation images per class, half on each background
 * @param testPerClass        test images per class (at most 1000), half on each background
 * @param trainCueCorrelation share of a class's training images on that class's own background, 0.5..1
 * @param imageSize           side of the square RGB images, 16..256 px
 * @param seed                seeds sample selection and rendering
 */
public record DemoSpec(List<Integer> fashionClasses, int trainPerClass, int valPerClass, int testPerClass,
        double trainCueCorrelation, int imageSize, long seed) {

    public DemoSpec {
        if (fashionClasses == null || fashionClasses.size() < 2) {
            throw new IllegalArgumentException("fashionClasses must list at least 2 Fashion-MNIST classes (0..9)");
        }
        fashionClasses = List.copyOf(fashionClasses);
        if (new HashSet<>(fashionClasses).size() != fashionClasses.size()
                || fashionClasses.stream().anyMatch(c -> c < 0 || c > 9)) {
            throw new IllegalArgumentException("fashionClasses must be distinct indices 0..9, got " + fashionClasses);
        }
        if (trainPerClass < 2 || valPerClass < 2 || trainPerClass + valPerClass > 6000) {
            throw new IllegalArgumentException("trainPerClass and valPerClass must each be at least 2 and together at most 6000"
                    + " (Fashion-MNIST has 6000 training images per class), got " + trainPerClass + " + " + valPerClass);
        }
        if (testPerClass < 2 || testPerClass > 1000) {
            throw new IllegalArgumentException("testPerClass must be between 2 and 1000 (Fashion-MNIST has 1000 test images"
                    + " per class), got " + testPerClass);
        }
        if (!(trainCueCorrelation >= 0.5 && trainCueCorrelation <= 1.0)) {
            throw new IllegalArgumentException("trainCueCorrelation must be between 0.5 and 1, got " + trainCueCorrelation);
        }
        if (imageSize < 16 || imageSize > 256) {
            throw new IllegalArgumentException("imageSize must be between 16 and 256 pixels, got " + imageSize);
        }
    }

    /** The same set as a generator spec: a background cue on the bright backdrop, written as a manifest with captions, masks and the attribute. */
    public CueSetSpec toCueSetSpec() {
        return new CueSetSpec(fashionClasses, CueKind.BACKGROUND, null, Backdrop.BRIGHT, trainCueCorrelation, trainPerClass, valPerClass,
                testPerClass, imageSize, seed, ArchiveFormat.manifest());
    }

    /**
     * T-shirt vs dress, 2000 train / 300 val / 500 test per class, 95 % cue correlation, 64 px: five
     * ERM epochs take well under a minute on a 2-core CPU. The pair is chosen so ERM leans on the
     * background yet still learns some shape: measured test accuracy about 0.6-0.66 with worst-group
     * accuracy 0.02-0.26. Pullover vs coat or shirt vs t-shirt give a model that learns the
     * background only (worst group about 0, accuracy 0.50-0.55), which leaves nothing for a mitigation to build on.
     */
    public static DemoSpec standard() {
        return new DemoSpec(List.of(0, 3), 2000, 300, 500, 0.95, 64, 42L);
    }

    /** For tests: 100 train / 30 val / 40 test per class, 90 % correlation, 32 px; every group non-empty in every split. */
    public static DemoSpec tiny() {
        return new DemoSpec(List.of(0, 3), 100, 30, 40, 0.9, 32, 7L);
    }
}
