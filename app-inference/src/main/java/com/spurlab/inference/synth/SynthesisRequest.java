package com.spurlab.inference.synth;

import com.spurlab.inference.data.Augmentation;
import java.util.Objects;

/**
 * What to synthesise.
 *
 * @param cue          the cue whose groups are filled (DESIGN's cue names, see {@link SynthesisCue#parse})
 * @param method       how images are made
 * @param targetShare  every label × cue-value group is filled up to this share of its label's largest group
 *                     (1 = as large as it), 0 &lt; share &lt;= 1
 * @param maxAdded     at most this many images in all; when the groups ask for more, each gets its share
 * @param seed         seeds every choice (sources, donors, placements, augmentation): the same request on the same
 *                     samples gives the same images
 * @param augmentation applied to every new image so that it is no near-copy of its source
 */
public record SynthesisRequest(String cue, SynthesisMethod method, double targetShare, int maxAdded, long seed,
        Augmentation augmentation) {

    /** The default augmentation: mirror half, shift up to 4 px, brightness and contrast within 20 %. */
    public static final Augmentation AUGMENTATION = new Augmentation(true, 4, 0.2);
    public static final int DEFAULT_MAX_ADDED = 10_000;
    public static final int MAX_ADDED = 100_000;

    public SynthesisRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(augmentation, "augmentation");
        if (cue == null || cue.isBlank()) {
            throw new IllegalArgumentException("name the cue whose groups to fill, e.g. attribute:background or text:sale");
        }
        if (!(targetShare > 0 && targetShare <= 1)) {
            throw new IllegalArgumentException("targetShare must be above 0 and at most 1, got " + targetShare);
        }
        if (maxAdded < 1 || maxAdded > MAX_ADDED) {
            throw new IllegalArgumentException("maxAdded must be between 1 and " + MAX_ADDED + ", got " + maxAdded);
        }
    }

    /** RECOMBINE, every group as large as its label's largest, at most 10 000 images, seed 42, default augmentation. */
    public static SynthesisRequest of(String cue) {
        return new SynthesisRequest(cue, SynthesisMethod.RECOMBINE, 1.0, DEFAULT_MAX_ADDED, 42L, AUGMENTATION);
    }

    public SynthesisRequest withMaxAdded(int max) {
        return new SynthesisRequest(cue, method, targetShare, max, seed, augmentation);
    }

    public SynthesisRequest withSeed(long newSeed) {
        return new SynthesisRequest(cue, method, targetShare, maxAdded, newSeed, augmentation);
    }

    public SynthesisRequest withAugmentation(Augmentation a) {
        return new SynthesisRequest(cue, method, targetShare, maxAdded, seed, a);
    }
}
