package com.spurlab.inference.synth;

import com.spurlab.inference.data.PerceptualHash;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How many new images are near-copies of another training image of their label, by the perceptual hash dataset
 * validation uses for near-duplicates across splits: a re-encoded or resized copy of a source, or two new images made
 * alike, count. The hash is not shift-invariant (a pixel of shift moves about 30 of its 255 bits, a mirror about
 * half), so augmentation's flip and shift are what keep a new image from being a near-copy of its source.
 */
final class NearDuplicates {

    private NearDuplicates() {
    }

    /** An image's label and look. */
    record Look(int label, PerceptualHash hash) {
    }

    /** The number of {@code added} images near some image of {@code real}, or another of {@code added}, of their label. */
    static int count(List<Look> added, List<Look> real) {
        return (int) IntStream.range(0, added.size()).parallel().filter(i -> {
            Look a = added.get(i);
            for (Look r : real) {
                if (r.label() == a.label() && a.hash().near(r.hash())) {
                    return true;
                }
            }
            for (int j = 0; j < added.size(); j++) {
                Look b = added.get(j);
                if (j != i && b.label() == a.label() && a.hash().near(b.hash())) {
                    return true;
                }
            }
            return false;
        }).count();
    }
}
