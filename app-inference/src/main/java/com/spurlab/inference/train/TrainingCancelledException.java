package com.spurlab.inference.train;

/** Training stopped because {@link TrainingProgress#cancelled()} said so; only checkpoints were saved. */
public final class TrainingCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int step;

    TrainingCancelledException(int epoch, int step) {
        super("training cancelled before epoch " + epoch + ", step " + step
                + "; no model was saved, the last epoch's checkpoint is kept for a resume");
        this.epoch = epoch;
        this.step = step;
    }

    /** 1-based epoch that was about to run. */
    public int epoch() {
        return epoch;
    }

    /** 1-based step that was about to run. */
    public int step() {
        return step;
    }
}
