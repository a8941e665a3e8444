package com.spurlab.scheduler.step;

import com.spurlab.core.experiment.JobContext;
import com.spurlab.core.experiment.JobLifecycle;
import com.spurlab.core.experiment.TransientJobException;
import com.spurlab.inference.train.TrainingCancelledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Runs one job through its lifecycle on a node: started, then succeeded, failed (or retried), or cancelled. */
@Service
public class StepRunner {

    private static final Logger log = LoggerFactory.getLogger(StepRunner.class);

    private final JobLifecycle lifecycle;
    private final TrainingStep training;
    private final EvaluationStep evaluation;
    private final NoopStep noop;

    StepRunner(JobLifecycle lifecycle, TrainingStep training, EvaluationStep evaluation, NoopStep noop) {
        this.lifecycle = lifecycle;
        this.training = training;
        this.evaluation = evaluation;
        this.noop = noop;
    }

    /** {@code recovering}: the executor re-fires a job whose node died while it ran. */
    public void run(long jobId, boolean recovering, String node) {
        if (!lifecycle.start(jobId, recovering, node)) {
            return;
        }
        JobContext job = lifecycle.context(jobId);
        JobProgress progress = new JobProgress(lifecycle, jobId);
        try {
            StepOutcome outcome = switch (job.type()) {
                case TRAIN -> training.run(job, progress);
                case EVALUATE -> evaluation.run(job, progress);
                case NOOP -> noop.run(job, progress, lifecycle.attempt(jobId));
                default -> throw new IllegalStateException("step type " + job.type() + " has no runner");
            };
            lifecycle.succeed(jobId, outcome.runId(), outcome.summary());
        } catch (TrainingCancelledException | StepCancelledException e) {
            lifecycle.cancelled(jobId, "cancelled while running");
        } catch (TransientJobException e) {
            log.warn("job {} ({}) failed transiently: {}", jobId, job.type(), e.getMessage());
            lifecycle.failTransiently(jobId, e.getMessage());
        } catch (Exception | OutOfMemoryError e) {
            log.error("job {} ({}) failed", jobId, job.type(), e);
            lifecycle.fail(jobId, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
