package com.spurlab.core.experiment;

import com.spurlab.core.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Job state transitions, called by the scheduler (no user: access was checked when the job was
 * planned). Each transition is its own transaction so progress is visible while a job runs; each
 * leaves a line in the job's persisted log.
 */
@Service
@Transactional
public class JobLifecycle {

    private final Jobs jobs;
    private final Experiments experiments;
    private final JobLog log;
    private final QueueSettings settings;
    private final Clock clock;

    JobLifecycle(Jobs jobs, Experiments experiments, JobLog log, QueueSettings settings, Clock clock) {
        this.jobs = jobs;
        this.experiments = experiments;
        this.log = log;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * QUEUED → RUNNING on {@code node}; false when the job may not start (cancelled, done, or running
     * elsewhere). {@code recovering} is true when the scheduler re-fires a job whose node died mid-run.
     */
    public boolean start(long jobId, boolean recovering, String node) {
        Job job = load(jobId);
        if (job.isCancelRequested()) {
            finish(job, JobStatus.CANCELLED, "cancelled before it started", null);
            return false;
        }
        String what = recovering ? "resumed after its node stopped (attempt " + (job.getAttempt() + 1) + ")"
                : "started (attempt " + (job.getAttempt() + 1) + ")";
        EnumSet<JobStatus> from = recovering ? EnumSet.of(JobStatus.QUEUED, JobStatus.RUNNING)
                : EnumSet.of(JobStatus.QUEUED);
        if (jobs.start(jobId, from, JobStatus.RUNNING, clock.instant(), what, node) != 1) {
            return false;
        }
        append(jobId, node, what);
        refreshExperiment(job.getExperimentId());
        return true;
    }

    @Transactional(readOnly = true)
    public JobContext context(long jobId) {
        Job job = load(jobId);
        Experiment experiment = experiments.findById(job.getExperimentId()).orElseThrow();
        // The run this step builds on: that of its latest dependency which produced one (a TRAIN's model).
        Long previousRun = jobs.findAllById(job.getDependencies()).stream()
                .filter(d -> d.getRunId() != null)
                .max(java.util.Comparator.comparingInt(Job::getStepIndex)).map(Job::getRunId).orElse(null);
        return new JobContext(jobId, experiment.getId(), experiment.getProjectId(), experiment.getDatasetVersionId(),
                job.getType(), StepParams.read(job.getParams()), previousRun);
    }

    /** Whether the job waits in the queue (dispatched or not) and has not started. */
    @Transactional(readOnly = true)
    public boolean queued(long jobId) {
        return load(jobId).getStatus() == JobStatus.QUEUED;
    }

    /** How many times this job has been queued again after a failure (0 on its first attempt). */
    @Transactional(readOnly = true)
    public int attempt(long jobId) {
        return load(jobId).getAttempt();
    }

    public void report(long jobId, double progress, String message) {
        load(jobId).report(progress, message);
    }

    /** Appends a line to the job's persisted log. */
    public void log(long jobId, String node, String line) {
        append(jobId, node, line);
    }

    @Transactional(readOnly = true)
    public boolean cancelRequested(long jobId) {
        return load(jobId).isCancelRequested();
    }

    public void succeed(long jobId, Long runId, String message) {
        finish(load(jobId), JobStatus.SUCCEEDED, message, runId);
    }

    public void fail(long jobId, String message) {
        finish(load(jobId), JobStatus.FAILED, message, null);
    }

    /**
     * A transient failure: back into the queue after an exponential back-off while attempts remain,
     * else FAILED. Returns true when the job will run again.
     */
    public boolean failTransiently(long jobId, String message) {
        Job job = load(jobId);
        if (job.getAttempt() + 1 >= settings.maxAttempts() || job.isCancelRequested()) {
            finish(job, JobStatus.FAILED, message + " (after " + (job.getAttempt() + 1) + " attempts)", null);
            return false;
        }
        Duration wait = settings.backoff(job.getAttempt());
        String line = String.format(Locale.ROOT, "transient failure: %s; retry %d of %d in %.1f s", message,
                job.getAttempt() + 1, settings.maxAttempts() - 1, wait.toMillis() / 1000.0);
        job.requeue(clock.instant().plus(wait), line);
        append(jobId, null, line);
        refreshExperiment(job.getExperimentId());
        return true;
    }

    public void cancelled(long jobId, String message) {
        finish(load(jobId), JobStatus.CANCELLED, message, null);
    }

    /** Puts a failed, cancelled or skipped job back in the queue, with the dependants it had skipped. */
    void retry(Job job) {
        job.retry();
        append(job.getId(), null, "queued again by a lead (attempt " + (job.getAttempt() + 1) + ")");
        requeueSkipped(job);
        refreshExperiment(job.getExperimentId());
    }

    @Transactional(readOnly = true)
    List<JobLogEntry> lines(long jobId) {
        return log.findByJobIdOrderById(jobId).stream().map(JobLogLine::view).toList();
    }

    private void requeueSkipped(Job job) {
        for (Job dependant : jobs.findDependants(job.getId())) {
            if (dependant.getStatus() == JobStatus.SKIPPED) {
                dependant.retry();
                requeueSkipped(dependant);
            }
        }
    }

    private void finish(Job job, JobStatus outcome, String message, Long runId) {
        if (job.getStatus().finished()) {
            return;
        }
        job.finish(outcome, message, runId, clock.instant());
        append(job.getId(), null, outcome.name().toLowerCase(Locale.ROOT) + (message == null ? "" : ": " + message));
        if (outcome != JobStatus.SUCCEEDED) {
            skipDependants(job, "skipped: step " + (job.getStepIndex() + 1) + " (" + job.getType() + ") "
                    + outcome.name().toLowerCase(Locale.ROOT) + (message == null ? "" : " — " + message));
        }
        refreshExperiment(job.getExperimentId());
    }

    private void skipDependants(Job job, String cause) {
        for (Job dependant : jobs.findDependants(job.getId())) {
            if (!dependant.getStatus().finished()) {
                dependant.finish(JobStatus.SKIPPED, cause, null, clock.instant());
                append(dependant.getId(), null, cause);
                skipDependants(dependant, cause);
            }
        }
    }

    private void append(long jobId, String node, String line) {
        log.save(new JobLogLine(jobId, clock.instant(), node, line));
    }

    private void refreshExperiment(long experimentId) {
        List<Job> all = jobs.findByExperimentIdOrderByStepIndex(experimentId);
        ExperimentStatus status;
        if (all.stream().anyMatch(j -> j.getStatus() == JobStatus.RUNNING)) {
            status = ExperimentStatus.RUNNING;
        } else if (all.stream().allMatch(j -> j.getStatus() == JobStatus.QUEUED)) {
            status = ExperimentStatus.QUEUED;
        } else if (all.stream().anyMatch(j -> j.getStatus() == JobStatus.QUEUED)) {
            status = ExperimentStatus.RUNNING;
        } else if (all.stream().anyMatch(j -> j.getStatus() == JobStatus.FAILED)) {
            status = ExperimentStatus.FAILED;
        } else if (all.stream().anyMatch(j -> j.getStatus() == JobStatus.CANCELLED)) {
            status = ExperimentStatus.CANCELLED;
        } else {
            status = ExperimentStatus.SUCCEEDED;
        }
        experiments.findById(experimentId).orElseThrow().updateStatus(status, clock.instant());
    }

    private Job load(long jobId) {
        return jobs.findById(jobId).orElseThrow(() -> new NotFoundException("job", jobId));
    }
}
