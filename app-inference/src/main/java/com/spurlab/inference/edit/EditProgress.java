package com.spurlab.inference.edit;

/** Receives a confirmation run's progress; {@link #cancelled()} is polled between items. */
public interface EditProgress {

    /**
     * @param stage what is running: {@code masks}, {@code segmentation}, {@code edits}, {@code predictions}
     * @param done  items done in that stage
     * @param total items in that stage
     */
    void onProgress(String stage, int done, int total);

    /** True stops the run with a {@link java.util.concurrent.CancellationException}; files written so far stay. */
    default boolean cancelled() {
        return false;
    }

    EditProgress NONE = (stage, done, total) -> {
    };
}
