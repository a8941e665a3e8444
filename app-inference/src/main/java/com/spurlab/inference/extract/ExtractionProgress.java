package com.spurlab.inference.extract;

/** Receives EXTRACT's progress; {@link #cancelled()} is polled between batches. */
public interface ExtractionProgress {

    /**
     * @param phase    what runs now, e.g. {@code "reading printed text"}
     * @param fraction share of the whole extraction done, 0..1
     */
    void onProgress(String phase, double fraction);

    /** Called while saliency waits for the process's training engine (another run records gradients). */
    default void onWaiting(String reason) {
    }

    /** True stops the extraction with an {@link ExtractionCancelledException}. */
    default boolean cancelled() {
        return false;
    }

    ExtractionProgress NONE = (phase, fraction) -> {
    };
}
