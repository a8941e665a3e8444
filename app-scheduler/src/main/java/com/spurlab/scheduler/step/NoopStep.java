package com.spurlab.scheduler.step;

import com.spurlab.core.experiment.JobContext;
import com.spurlab.core.experiment.TransientJobException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * NOOP: waits {@code millis} and does no work — the scheduler's benchmark and tests measure the queue
 * itself with it. It honours cancellation like training (its flag is read once a second) and fails
 * transiently on its first {@code transientFailures} attempts.
 */
@Component
class NoopStep {

    private static final long SLICE_MILLIS = 100;

    StepOutcome run(JobContext job, JobProgress progress, int attempt) throws InterruptedException {
        int failures = Integer.parseInt(job.params().get("transientFailures"));
        if (attempt < failures) {
            throw new TransientJobException("NOOP attempt " + (attempt + 1) + " of the first " + failures
                    + " fails on purpose");
        }
        long millis = Long.parseLong(job.params().get("millis"));
        long start = System.nanoTime();
        long deadline = start + millis * 1_000_000L;
        long lastReport = start;
        for (long now = start; now < deadline; now = System.nanoTime()) {
            if (progress.cancelled()) {
                throw new StepCancelledException();
            }
            if (now - lastReport >= 1_000_000_000L) {
                lastReport = now;
                double done = (now - start) / (double) (deadline - start);
                progress.phase(done, String.format(Locale.ROOT, "waiting: %.0f%%", done * 100));
            }
            Thread.sleep(Math.min(SLICE_MILLIS, Math.max(1, (deadline - now) / 1_000_000L)));
        }
        return new StepOutcome(null, "waited " + millis + " ms");
    }
}
