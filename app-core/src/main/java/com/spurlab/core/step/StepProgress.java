package com.spurlab.core.step;

/** How a running step reports to its job: progress, log lines, and whether a lead asked it to stop. */
public interface StepProgress {

    /** Share done (0..1) and what is happening; written at most about once a second. */
    void report(double done, String message);

    /** A line in the job's persisted log. */
    void log(String line);

    /** Whether a cancel was requested; a step checks it between batches and then throws {@link StepCancelledException}. */
    boolean cancelled();

    /** Throws {@link StepCancelledException} when a cancel was requested. */
    default void checkCancelled() {
        if (cancelled()) {
            throw new StepCancelledException();
        }
    }
}
