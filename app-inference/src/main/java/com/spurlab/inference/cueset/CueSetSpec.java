package com.spurlab.inference.cueset;

import java.util.HashSet;
import java.util.List;

/**
 * What to generate: the core task, the cue, how strongly the cue follows the label in training, the
 * counts, the image size, the seed and the archive layout.
 *
 * @param fashionClasses    Fashion-MNIST class indices (0..9) in label order; at least two
 * @param cue               the spurious cue
 * @param word              the stamped word for {@link CueKind#STAMPED_WORD} (1-6 letters or digits); null otherwise
 * @param backdrop          how bright the background is under the garment, which sets how hard the core task is
 * @param trainCueAgreement share of each class's training images that show the class's own cue value
 *                          ({@link CueKind#ownValue}), 0.5..1; for a stamped word: class 0 is stamped on this share,
 *                          the other classes on the rest (0.95 gives 95 % vs 5 %)
 * @param trainPerClass     training images per class (train and val together at most 6000 per class)
 * @param valPerClass       validation images per class, even: half show each cue value
 * @param testPerClass      test images per class (at most 1000), even: half show each cue value
 * @param imageSize         side of the square RGB images, 16..256 px
 * @param seed              seeds sample selection and rendering: the same spec gives the same zip
 * @param format            manifest (which columns) or image folders
 */
public record CueSetSpec(List<Integer> fashionClasses, CueKind cue, String word, Backdrop backdrop, double trainCueAgreement,
        int trainPerClass, int valPerClass, int testPerClass, int imageSize, long seed, ArchiveFormat format) {

    /** The word stamped when none is chosen. */
    public static final String DEFAULT_WORD = "SALE";

    public CueSetSpec {
        if (fashionClasses == null || fashionClasses.size() < 2) {
            throw new IllegalArgumentException("fashionClasses must list at least 2 Fashion-MNIST classes (0..9)");
        }
        fashionClasses = List.copyOf(fashionClasses);
        if (new HashSet<>(fashionClasses).size() != fashionClasses.size()
                || fashionClasses.stream().anyMatch(c -> c < 0 || c > 9)) {
            throw new IllegalArgumentException("fashionClasses must be distinct indices 0..9, got " + fashionClasses);
        }
        if (cue == null || backdrop == null || format == null) {
            throw new IllegalArgumentException("cue, backdrop and format are required");
        }
        if (cue == CueKind.STAMPED_WORD) {
            if (word == null || !word.matches("[A-Za-z0-9]{1,6}")) {
                throw new IllegalArgumentException("a stamped word must be 1 to 6 letters or digits (longer words no longer"
                        + " fit legibly across the image), got " + word);
            }
        } else {
            word = null;
        }
        if (trainPerClass < 2 || valPerClass < 2 || trainPerClass + valPerClass > 6000) {
            throw new IllegalArgumentException("trainPerClass and valPerClass must each be at least 2 and together at most 6000"
                    + " (Fashion-MNIST has 6000 training images per class), got " + trainPerClass + " + " + valPerClass);
        }
        if (testPerClass < 2 || testPerClass > 1000) {
            throw new IllegalArgumentException("testPerClass must be between 2 and 1000 (Fashion-MNIST has 1000 test images"
                    + " per class), got " + testPerClass);
        }
        if (valPerClass % 2 != 0 || testPerClass % 2 != 0) {
            throw new IllegalArgumentException("valPerClass and testPerClass must be even so that both cue values fill"
                    + " exactly half of each class, got " + valPerClass + " and " + testPerClass);
        }
        if (!(trainCueAgreement >= 0.5 && trainCueAgreement <= 1.0)) {
            throw new IllegalArgumentException("trainCueAgreement must be between 0.5 and 1, got " + trainCueAgreement);
        }
        if (imageSize < 16 || imageSize > 256) {
            throw new IllegalArgumentException("imageSize must be between 16 and 256 pixels, got " + imageSize);
        }
    }

    /** A manifest set with the default word, a dim backdrop, 95 % agreement, 1000/200/400 per class, 64 px, seed 1. */
    public static CueSetSpec of(CueKind cue, List<Integer> fashionClasses) {
        return new CueSetSpec(fashionClasses, cue, DEFAULT_WORD, Backdrop.DIM, 0.95, 1000, 200, 400, 64, 1L,
                ArchiveFormat.manifest());
    }

    /** Class names in label order, e.g. {@code [pullover, coat]}. */
    public List<String> labels() {
        return fashionClasses.stream().map(c -> FashionMnistIdx.CLASS_NAMES[c]).toList();
    }

    public CueSetSpec withWord(String newWord) {
        return new CueSetSpec(fashionClasses, cue, newWord, backdrop, trainCueAgreement, trainPerClass, valPerClass, testPerClass,
                imageSize, seed, format);
    }

    public CueSetSpec withBackdrop(Backdrop newBackdrop) {
        return new CueSetSpec(fashionClasses, cue, word, newBackdrop, trainCueAgreement, trainPerClass, valPerClass,
                testPerClass, imageSize, seed, format);
    }

    public CueSetSpec withTrainCueAgreement(double agreement) {
        return new CueSetSpec(fashionClasses, cue, word, backdrop, agreement, trainPerClass, valPerClass, testPerClass, imageSize,
                seed, format);
    }

    public CueSetSpec withCounts(int train, int val, int test) {
        return new CueSetSpec(fashionClasses, cue, word, backdrop, trainCueAgreement, train, val, test, imageSize, seed, format);
    }

    public CueSetSpec withImageSize(int size) {
        return new CueSetSpec(fashionClasses, cue, word, backdrop, trainCueAgreement, trainPerClass, valPerClass, testPerClass, size,
                seed, format);
    }

    public CueSetSpec withSeed(long newSeed) {
        return new CueSetSpec(fashionClasses, cue, word, backdrop, trainCueAgreement, trainPerClass, valPerClass, testPerClass,
                imageSize, newSeed, format);
    }

    public CueSetSpec withFormat(ArchiveFormat newFormat) {
        return new CueSetSpec(fashionClasses, cue, word, backdrop, trainCueAgreement, trainPerClass, valPerClass, testPerClass,
                imageSize, seed, newFormat);
    }
}
