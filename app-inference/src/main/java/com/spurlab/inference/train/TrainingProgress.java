package com.spurlab.inference.train;

/** Receives progress of a training run; {@link #cancelled()} is polled before every batch. */
public interface TrainingProgress {

    /**
     * Called after every batch.
     *
     * @param epoch           1-based epoch
     * @param epochs          epochs planned
     * @param step            1-based batch within the epoch
     * @param stepsPerEpoch   batches per epoch
     * @param loss            mean loss of this batch
     * @param runningAccuracy training accuracy over the epoch's batches so far
     */
    void onProgress(int epoch, int epochs, int step, int stepsPerEpoch, double loss, double runningAccuracy);

    /** Called while the run waits before it can start (another training holds the engine). */
    default void onWaiting(String reason) {
    }

    /** True stops the run with a {@link TrainingCancelledException} before the next batch. */
    default boolean cancelled() {
        return false;
    }

    TrainingProgress NONE = (e, es, s, ss, l, a) -> {
    };
}
