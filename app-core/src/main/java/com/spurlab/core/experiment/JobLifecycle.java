package com.spurlab.core.experiment;

import com.spurlab.core.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Job state transitions, called by the scheduler (no user: access was checked when the job was
 * planned). Each transition is its own transaction so progress is visible while a job runs.
 */
@Service
@Transactional
public class JobLifecycle {

    private final Jobs jobs;
    private final Experiments experiments;
    private final Clock clock;

    JobLifecycle(Jobs jobs, Experiments experiments, Clock clock) {
        this.jobs = jobs;
        this.experiments = experiments;
        this.clock = clock;
    }

    /**
     * QUEUED → RUNNING; false when the job may not start (cancelled, done, or running elsewhere).
     * {@code recovering} is true when the scheduler re-fires a job whose process died mid-run.
     */
    public boolean start(long jobId, boolean recovering) {
        Job job = load(jobId);
        if (job.isCancelRequested()) {
            finish(job, JobStatus.CANCELLED, "cancelled before it started", null);
            return false;
        }
        boolean started = job.start(clock.instant(), recovering);
        if (started) {
            refreshExperiment(job.getExperimentId());
        }
        return started;
    }

    @Transactional(readOnly = true)
    public JobContext context(long jobId) {
        Job job = load(jobId);
        Experiment experiment = experiments.findById(job.getExperimentId()).orElseThrow();
        Long previousRun = job.getDependsOn() == null ? null : load(job.getDependsOn()).getRunId();
        return new JobContext(jobId, experiment.getId(), experiment.getProjectId(), experiment.getDatasetVersionId(),
                job.getType(), StepParams.read(job.getParams()), previousRun);
    }

    public void report(long jobId, double progress, String message) {
        load(jobId).report(progress, message);
    }

    @Transactional(readOnly = true)
    public boolean cancelRequested(long jobId) {
        return load(jobId).isCancelRequested();
    }

    /** Marks success and returns the jobs that may start now. */
    public List<Long> succeed(long jobId, Long runId, String message) {
        Job job = load(jobId);
        finish(job, JobStatus.SUCCEEDED, message, runId);
        return jobs.findByDependsOn(jobId).stream().filter(j -> j.getStatus() == JobStatus.QUEUED)
                .map(Job::getId).toList();
    }

    public void fail(long jobId, String message) {
        finish(load(jobId), JobStatus.FAILED, message, null);
    }

    public void cancelled(long jobId, String message) {
        finish(load(jobId), JobStatus.CANCELLED, message, null);
    }

    /** Jobs of an experiment that can start now: queued, with no dependency or a succeeded one. */
    @Transactional(readOnly = true)
    public List<Long> startable(long experimentId) {
        List<Long> ready = new ArrayList<>();
        for (Job job : jobs.findByExperimentIdOrderByStepIndex(experimentId)) {
            if (job.getStatus() == JobStatus.QUEUED
                    && (job.getDependsOn() == null || load(job.getDependsOn()).getStatus() == JobStatus.SUCCEEDED)) {
                ready.add(job.getId());
            }
        }
        return ready;
    }

    /** Queued jobs whose dependencies are met, across experiments (for re-queueing at start-up). */
    @Transactional(readOnly = true)
    public List<Long> allStartable() {
        return jobs.findByStatusIn(EnumSet.of(JobStatus.QUEUED)).stream()
                .filter(j -> j.getDependsOn() == null || load(j.getDependsOn()).getStatus() == JobStatus.SUCCEEDED)
                .map(Job::getId).toList();
    }

    private void finish(Job job, JobStatus outcome, String message, Long runId) {
        job.finish(outcome, message, runId, clock.instant());
        if (outcome != JobStatus.SUCCEEDED) {
            skipDependants(job, "skipped: step " + (job.getStepIndex() + 1) + " (" + job.getType() + ") "
                    + outcome.name().toLowerCase(java.util.Locale.ROOT));
        }
        refreshExperiment(job.getExperimentId());
    }

    private void skipDependants(Job job, String cause) {
        for (Job dependant : jobs.findByDependsOn(job.getId())) {
            if (!dependant.getStatus().finished()) {
                dependant.finish(JobStatus.SKIPPED, cause, null, clock.instant());
                skipDependants(dependant, cause);
            }
        }
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
