package com.spurlab.scheduler.step.edit;

import com.spurlab.core.step.StepProgress;
import com.spurlab.inference.edit.EditProgress;
import java.util.Locale;

/**
 * The confirmation run's stages as the job's progress: training a segmentation network (when one is trained) up to
 * 40 %, masks, predictions on the originals, edits up to 80 %, predictions on the edits and controls up to 88 %; the
 * rest is the edited version and the record. A stage change is written at once, progress within a stage at most about
 * once a second. Edits run in parallel: the engine calls from several threads.
 */
final class EditJobProgress implements EditProgress {

    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final StepProgress job;
    private String stage;
    private boolean edited;
    private long lastWrite;

    EditJobProgress(StepProgress job) {
        this.job = job;
    }

    @Override
    public synchronized void onProgress(String newStage, int done, int total) {
        long now = System.nanoTime();
        if (newStage.equals(stage) && now - lastWrite < INTERVAL_NANOS && done < total) {
            return;
        }
        edited |= newStage.equals("edits");
        stage = newStage;
        lastWrite = now;
        double[] range = switch (newStage) {
            case "segmentation" -> new double[] {0.05, 0.40};
            case "masks" -> new double[] {0.40, 0.42};
            case "edits" -> new double[] {0.45, 0.80};
            default -> edited ? new double[] {0.80, 0.88} : new double[] {0.42, 0.45};
        };
        double share = total == 0 ? 1 : Math.min(1, (double) done / total);
        String what = newStage.equals("predictions") ? (edited ? "predictions on edits and controls" : "predictions on"
                + " the originals") : newStage.equals("segmentation") ? "training the segmentation network" : newStage;
        job.report(range[0] + (range[1] - range[0]) * share, String.format(Locale.ROOT, "%s: %d of %d", what, done,
                total));
    }

    @Override
    public boolean cancelled() {
        return job.cancelled();
    }
}
