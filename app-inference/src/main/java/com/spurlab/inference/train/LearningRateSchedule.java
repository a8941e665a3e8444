package com.spurlab.inference.train;

import ai.djl.training.tracker.Tracker;

/**
 * Fixed, or a cosine from the base rate to 1 % of it over the planned steps. Counts from the phase's
 * first step even after a resume ({@link #resumeAt(int)}), because the optimiser's own update count
 * restarts with the process.
 */
final class LearningRateSchedule implements Tracker {

    private final float base;
    private final int totalSteps;
    private final boolean cosine;
    private int offset;

    LearningRateSchedule(float base, int totalSteps, boolean cosine) {
        this.base = base;
        this.totalSteps = Math.max(1, totalSteps);
        this.cosine = cosine;
    }

    void resumeAt(int stepsDone) {
        this.offset = stepsDone;
    }

    @Override
    public float getNewValue(int numUpdate) {
        if (!cosine) {
            return base;
        }
        double t = Math.min(1.0, (double) (offset + numUpdate) / totalSteps);
        double floor = 0.01 * base;
        return (float) (floor + (base - floor) * 0.5 * (1 + Math.cos(Math.PI * t)));
    }
}
