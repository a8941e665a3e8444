package com.spurlab.core.experiment;

/** A job's lifecycle: QUEUED → RUNNING → SUCCEEDED / FAILED / CANCELLED; SKIPPED when a dependency failed. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, SKIPPED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
