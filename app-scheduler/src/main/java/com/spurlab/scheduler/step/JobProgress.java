package com.spurlab.scheduler.step;

import com.spurlab.core.experiment.JobLifecycle;
import com.spurlab.inference.train.TrainingProgress;
import java.util.Locale;

/**
 * Bridges training progress to the job record. Writes at most once a second (a batch takes
 * milliseconds; a database write per batch would slow training) and reads the cancel flag as often.
 */
class JobProgress implements TrainingProgress {

    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final JobLifecycle lifecycle;
    private final long jobId;
    private final long startNanos = System.nanoTime();
    private long lastWrite;
    private long lastCancelCheck;
    private boolean cancelled;

    JobProgress(JobLifecycle lifecycle, long jobId) {
        this.lifecycle = lifecycle;
        this.jobId = jobId;
    }

    @Override
    public void onProgress(int epoch, int epochs, int step, int stepsPerEpoch, double loss, double runningAccuracy) {
        long now = System.nanoTime();
        if (now - lastWrite < INTERVAL_NANOS && step < stepsPerEpoch) {
            return;
        }
        lastWrite = now;
        double done = ((epoch - 1) + (double) step / Math.max(1, stepsPerEpoch)) / Math.max(1, epochs);
        double elapsed = (now - startNanos) / 1e9;
        String eta = done > 0.01 ? String.format(Locale.ROOT, " · ETA %ds", Math.round(elapsed / done - elapsed)) : "";
        lifecycle.report(jobId, done, String.format(Locale.ROOT, "epoch %d/%d · step %d/%d · loss %.3f · acc %.3f%s",
                epoch, epochs, step, stepsPerEpoch, loss, runningAccuracy, eta));
    }

    /** A step that is not training (evaluation) reports its phase. */
    void phase(double done, String message) {
        lifecycle.report(jobId, done, message);
    }

    @Override
    public void onWaiting(String reason) {
        long now = System.nanoTime();
        if (now - lastWrite >= INTERVAL_NANOS) {
            lastWrite = now;
            lifecycle.report(jobId, 0, reason);
        }
    }

    @Override
    public boolean cancelled() {
        long now = System.nanoTime();
        if (!cancelled && now - lastCancelCheck >= INTERVAL_NANOS) {
            lastCancelCheck = now;
            cancelled = lifecycle.cancelRequested(jobId);
        }
        return cancelled;
    }
}
