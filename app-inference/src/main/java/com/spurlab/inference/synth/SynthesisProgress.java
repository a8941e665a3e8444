package com.spurlab.inference.synth;

/** Progress of a synthesis, and how a caller asks it to stop. */
public interface SynthesisProgress {

    SynthesisProgress NONE = (phase, done, total) -> { };

    /** {@code done} of {@code total} units of a phase ("masks", "backgrounds", "images", "near-duplicates"). */
    void onProgress(String phase, int done, int total);

    /** Polled between images; true stops the run with a {@link java.util.concurrent.CancellationException}. */
    default boolean cancelled() {
        return false;
    }
}
