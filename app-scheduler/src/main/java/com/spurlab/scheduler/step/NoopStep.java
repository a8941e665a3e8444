package com.spurlab.scheduler.step;

import com.spurlab.core.step.ArtifactType;
import com.spurlab.core.step.Step;
import com.spurlab.core.step.StepCancelledException;
import com.spurlab.core.step.StepExecution;
import com.spurlab.core.step.StepOutcome;
import com.spurlab.core.step.StepResources;
import com.spurlab.core.step.TransientJobException;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * NOOP: waits {@code millis} and does no work — the scheduler's benchmark and tests measure the queue
 * itself with it; registered only where {@code spurlab.queue.noop-steps=true}. It honours cancellation
 * like training (its flag is read once a second) and fails transiently on its first
 * {@code transientFailures} attempts.
 */
@Component
@Order(1000)
@ConditionalOnProperty(prefix = "spurlab.queue", name = "noop-steps", havingValue = "true")
class NoopStep implements Step<NoopParams> {

    private static final long SLICE_MILLIS = 100;

    @Override
    public String type() {
        return "NOOP";
    }

    @Override
    public Class<NoopParams> parameters() {
        return NoopParams.class;
    }

    @Override
    public String description() {
        return "Waits and does no work (queue benchmarks and tests only).";
    }

    @Override
    public Set<ArtifactType> needs() {
        return Set.of();
    }

    @Override
    public Set<ArtifactType> produces() {
        return Set.of();
    }

    @Override
    public StepResources resources(NoopParams params) {
        return StepResources.CPU;
    }

    @Override
    public StepOutcome run(StepExecution<NoopParams> job) throws InterruptedException {
        int failures = job.params().transientFailures();
        if (job.attempt() < failures) {
            throw new TransientJobException("NOOP attempt " + (job.attempt() + 1) + " of the first " + failures
                    + " fails on purpose");
        }
        long millis = job.params().millis();
        long start = System.nanoTime();
        long deadline = start + millis * 1_000_000L;
        long lastReport = start;
        for (long now = start; now < deadline; now = System.nanoTime()) {
            if (job.progress().cancelled()) {
                throw new StepCancelledException();
            }
            if (now - lastReport >= 1_000_000_000L) {
                lastReport = now;
                double done = (now - start) / (double) (deadline - start);
                job.progress().report(done, String.format(Locale.ROOT, "waiting: %.0f%%", done * 100));
            }
            Thread.sleep(Math.min(SLICE_MILLIS, Math.max(1, (deadline - now) / 1_000_000L)));
        }
        return new StepOutcome(null, "waited " + millis + " ms");
    }
}
