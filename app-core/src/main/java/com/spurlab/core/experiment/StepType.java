package com.spurlab.core.experiment;

/** The step types of DESIGN.md; {@link #available()} says which this version can run. */
public enum StepType {
    TRAIN, EVALUATE, EXTRACT, EDIT, SYNTHESIZE, AUDIT;

    public boolean available() {
        return this == TRAIN || this == EVALUATE;
    }
}
