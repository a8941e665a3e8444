package com.spurlab.scheduler.step;

import com.spurlab.core.experiment.JobLifecycle;
import com.spurlab.core.experiment.JobWork;
import com.spurlab.core.step.Step;
import com.spurlab.core.step.StepCancelledException;
import com.spurlab.core.step.StepCatalog;
import com.spurlab.core.step.StepExecution;
import com.spurlab.core.step.StepOutcome;
import com.spurlab.core.step.TransientJobException;
import com.spurlab.core.storage.StorageSettings;
import com.spurlab.inference.train.TrainingCancelledException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs one job on this node: takes the node's slot for it (or hands it back to the queue when the
 * executor placed it on a node whose training engine or slots are taken), then started, then succeeded,
 * failed (or retried), or cancelled. Any registered step type runs here the same way.
 */
@Service
public class StepRunner {

    private static final Logger log = LoggerFactory.getLogger(StepRunner.class);

    private final JobLifecycle lifecycle;
    private final StepCatalog catalog;
    private final NodeSlots slots;
    private final StorageSettings storage;

    StepRunner(JobLifecycle lifecycle, StepCatalog catalog, NodeSlots slots, StorageSettings storage) {
        this.lifecycle = lifecycle;
        this.catalog = catalog;
        this.slots = slots;
        this.storage = storage;
    }

    /** {@code recovering}: the executor re-fires a job whose node died while it ran. */
    public void run(long jobId, boolean recovering, String node) {
        JobLifecycle.Placement placement = lifecycle.placement(jobId);
        String busy = slots.tryAcquire(jobId, placement.device(), placement.trainingEngine());
        if (busy != null) {
            lifecycle.handBack(jobId, recovering, busy);
            return;
        }
        try {
            if (lifecycle.start(jobId, recovering, node)) {
                execute(jobId, recovering, node);
            }
        } finally {
            slots.release(jobId);
        }
    }

    private void execute(long jobId, boolean recovering, String node) {
        JobWork work = lifecycle.work(jobId);
        JobProgress progress = new JobProgress(lifecycle, jobId, node);
        try {
            Step<?> step = catalog.find(work.type()).orElseThrow(() -> new IllegalStateException("node " + node
                    + " has no step of type " + work.type() + " (a node of another SpurLab version?)"));
            StepOutcome outcome = runTyped(step, work, progress, recovering);
            lifecycle.succeed(jobId, outcome.runId(), outcome.summary());
        } catch (TrainingCancelledException | StepCancelledException e) {
            lifecycle.cancelled(jobId, "cancelled while running");
        } catch (TransientJobException e) {
            log.warn("job {} ({}) failed transiently: {}", jobId, work.type(), e.getMessage());
            lifecycle.failTransiently(jobId, e.getMessage());
        } catch (Exception | OutOfMemoryError e) {
            log.error("job {} ({}) failed", jobId, work.type(), e);
            lifecycle.fail(jobId, e instanceof com.spurlab.core.InvalidRequestException ? e.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private <P extends Record> StepOutcome runTyped(Step<P> step, JobWork work, JobProgress progress,
                                                    boolean recovering) throws Exception {
        P params = step.parameters().cast(catalog.read(work.type(), work.params()));
        Path folder = storage.dataDir().toAbsolutePath().resolve("jobs").resolve("job-" + work.jobId());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of job " + work.jobId(), e);
        }
        return step.run(new StepExecution<>(work.jobId(), work.experimentId(), work.projectId(), work.datasetVersionId(),
                params, work.inputs(), progress, folder, work.attempt(), recovering));
    }
}
