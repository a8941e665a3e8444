package com.spurlab.core.experiment;

/**
 * The step types of DESIGN.md; {@link #available()} says which this version can run. NOOP waits and
 * does no work: the scheduler's own benchmark and tests use it, and only where configuration allows it
 * ({@code spurlab.queue.noop-steps}).
 */
public enum StepType {
    TRAIN, EVALUATE, EXTRACT, EDIT, SYNTHESIZE, AUDIT, NOOP;

    public boolean available() {
        return this == TRAIN || this == EVALUATE;
    }
}
