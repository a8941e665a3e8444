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

    /**
     * Called when a training phase starts, before its first batch. JTT has two: {@code identify} (its first
     * model, {@code epochOffset} 0) then {@code main} (the model kept, after the identification epochs), so the
     * epochs of {@link #onProgress} count both while a person reads each phase's own.
     *
     * @param epochs      epochs of this phase
     * @param epochOffset epochs of earlier phases
     */
    default void onPhase(String phase, int epochs, int epochOffset) {
    }

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
