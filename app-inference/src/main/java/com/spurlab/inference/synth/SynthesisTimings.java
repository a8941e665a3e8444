package com.spurlab.inference.synth;

/**
 * Wall milliseconds of each phase of a synthesis.
 *
 * @param masks       foreground masks of sources and donors (reading them, or a segmentation network's predictions)
 * @param backgrounds donors' backgrounds and words prepared (inpainting), once per donor
 * @param images      the new images made, augmented and written (in parallel over the cores)
 * @param hashes      the near-duplicate check
 */
public record SynthesisTimings(long masks, long backgrounds, long images, long hashes) {

    public long total() {
        return masks + backgrounds + images + hashes;
    }
}
