package com.spurlab.scheduler.step;

import com.spurlab.core.experiment.JobContext;
import com.spurlab.core.experiment.JobLifecycle;
import com.spurlab.inference.train.TrainingCancelledException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Runs one job through its lifecycle and says which jobs may start after it. */
@Service
public class StepRunner {

    private static final Logger log = LoggerFactory.getLogger(StepRunner.class);

    private final JobLifecycle lifecycle;
    private final TrainingStep training;
    private final EvaluationStep evaluation;

    StepRunner(JobLifecycle lifecycle, TrainingStep training, EvaluationStep evaluation) {
        this.lifecycle = lifecycle;
        this.training = training;
        this.evaluation = evaluation;
    }

    /** Returns the ids of the jobs that became startable. */
    public List<Long> run(long jobId, boolean recovering) {
        if (!lifecycle.start(jobId, recovering)) {
            return List.of();
        }
        JobContext job = lifecycle.context(jobId);
        JobProgress progress = new JobProgress(lifecycle, jobId);
        try {
            StepOutcome outcome = switch (job.type()) {
                case TRAIN -> training.run(job, progress);
                case EVALUATE -> evaluation.run(job, progress);
                default -> throw new IllegalStateException("step type " + job.type() + " has no runner");
            };
            return lifecycle.succeed(jobId, outcome.runId(), outcome.summary());
        } catch (TrainingCancelledException e) {
            lifecycle.cancelled(jobId, "cancelled while running");
        } catch (Exception | OutOfMemoryError e) {
            log.error("job {} ({}) failed", jobId, job.type(), e);
            lifecycle.fail(jobId, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return List.of();
    }
}
