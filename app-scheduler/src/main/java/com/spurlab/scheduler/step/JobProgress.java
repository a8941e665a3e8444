package com.spurlab.scheduler.step;

import com.spurlab.core.experiment.JobLifecycle;
import com.spurlab.core.step.StepProgress;
import com.spurlab.inference.train.TrainingProgress;
import java.util.Locale;

/**
 * Bridges a running step's progress to its job record. Writes at most once a second (a batch takes
 * milliseconds; a database write per batch would slow training) and reads the cancel flag as often.
 */
public final class JobProgress implements StepProgress, TrainingProgress {

    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final JobLifecycle lifecycle;
    private final long jobId;
    private final String node;
    private final long startNanos = System.nanoTime();
    private long lastWrite;
    private long lastCancelCheck;
    private boolean cancelled;
    private final PhaseText phase = new PhaseText();

    JobProgress(JobLifecycle lifecycle, long jobId, String node) {
        this.lifecycle = lifecycle;
        this.jobId = jobId;
        this.node = node;
    }

    /** Training's view of a step's progress: the job's own when it is one, else epochs reported as phases. */
    public static TrainingProgress training(StepProgress progress) {
        if (progress instanceof TrainingProgress training) {
            return training;
        }
        PhaseText phase = new PhaseText();
        return new TrainingProgress() {
            @Override
            public void onPhase(String name, int epochs, int epochOffset) {
                phase.start(name, epochs, epochOffset);
            }

            @Override
            public void onProgress(int epoch, int epochs, int step, int stepsPerEpoch, double loss, double accuracy) {
                progress.report(((epoch - 1) + (double) step / Math.max(1, stepsPerEpoch)) / Math.max(1, epochs),
                        phase.epoch(epoch, epochs));
            }

            @Override
            public boolean cancelled() {
                return progress.cancelled();
            }
        };
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
        lifecycle.report(jobId, done, String.format(Locale.ROOT, "%s · step %d/%d · loss %.3f · acc %.3f%s",
                phase.epoch(epoch, epochs), step, stepsPerEpoch, loss, runningAccuracy, eta));
    }

    @Override
    public void onPhase(String name, int epochs, int epochOffset) {
        phase.start(name, epochs, epochOffset);
    }

    /**
     * "epoch 2/5" in the phase's own epochs: JTT's progress counts its identification epochs too (the bar
     * covers both phases), but a lead who chose 5 epochs reads 5 for the model that is kept.
     */
    static final class PhaseText {
        private String name = "main";
        private int epochs;
        private int offset;

        void start(String phaseName, int phaseEpochs, int epochOffset) {
            this.name = phaseName;
            this.epochs = phaseEpochs;
            this.offset = epochOffset;
        }

        String epoch(int overallEpoch, int overallEpochs) {
            if (epochs <= 0) {
                return "epoch " + overallEpoch + "/" + overallEpochs;
            }
            String text = "epoch " + (overallEpoch - offset) + "/" + epochs;
            return "identify".equals(name) ? "JTT identification model · " + text : text;
        }
    }

    /** A phase of a step that is not an epoch loop (evaluation, editing): reported at once. */
    @Override
    public void report(double done, String message) {
        lastWrite = System.nanoTime();
        lifecycle.report(jobId, done, message);
    }

    @Override
    public void log(String line) {
        lifecycle.log(jobId, node, line);
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
