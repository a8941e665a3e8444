package com.spurlab.scheduler.step.extract;

import com.spurlab.core.step.StepProgress;
import com.spurlab.inference.extract.ExtractionProgress;
import com.spurlab.inference.train.TrainingProgress;

/**
 * The engine's progress as the job's: the extraction's share mapped into {@code [from, to]} of the job, a phase change
 * written at once and progress within a phase at most about once a second (OCR reports per batch); waiting for the
 * training engine shown as the job's message.
 */
final class ExtractionJobProgress implements ExtractionProgress {

    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final StepProgress job;
    private final double from;
    private final double to;
    private String phase;
    private long lastWrite;

    ExtractionJobProgress(StepProgress job, double from, double to) {
        this.job = job;
        this.from = from;
        this.to = to;
    }

    @Override
    public void onProgress(String newPhase, double fraction) {
        long now = System.nanoTime();
        if (newPhase.equals(phase) && now - lastWrite < INTERVAL_NANOS) {
            return;
        }
        phase = newPhase;
        lastWrite = now;
        job.report(from + (to - from) * Math.max(0, Math.min(1, fraction)), newPhase);
    }

    @Override
    public void onWaiting(String reason) {
        if (job instanceof TrainingProgress training) {
            training.onWaiting(reason);
        } else {
            job.report(from, reason);
        }
    }

    @Override
    public boolean cancelled() {
        return job.cancelled();
    }
}
