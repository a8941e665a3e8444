package com.spurlab.core.experiment;

import com.spurlab.core.NotFoundException;
import com.spurlab.core.run.RunService;
import com.spurlab.core.step.ArtifactRef;
import com.spurlab.core.step.ArtifactType;
import com.spurlab.core.step.DeviceKind;
import com.spurlab.core.step.StepInputs;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
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
    private final RunService runs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JobLifecycle(Jobs jobs, Experiments experiments, JobLog log, QueueSettings settings, RunService runs,
                 ApplicationEventPublisher events, Clock clock) {
        this.jobs = jobs;
        this.experiments = experiments;
        this.log = log;
        this.settings = settings;
        this.runs = runs;
        this.events = events;
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
        // A job handed back while being taken over from a dead node was started before: this start resumes it.
        boolean resumes = recovering || job.getStatus() == JobStatus.QUEUED && job.getStartedAt() != null;
        String what = resumes ? "resumed after its node stopped (attempt " + (job.getAttempt() + 1) + ")"
                : "started (attempt " + (job.getAttempt() + 1) + ")";
        EnumSet<JobStatus> from = recovering ? EnumSet.of(JobStatus.QUEUED, JobStatus.RUNNING)
                : EnumSet.of(JobStatus.QUEUED);
        if (jobs.start(jobId, from, JobStatus.RUNNING, clock.instant(), what, node) != 1) {
            return false;
        }
        append(jobId, node, what);
        refreshExperiment(job);
        return true;
    }

    /**
     * The job's work: its inputs are the artifacts of every step upstream, nearest first (breadth-first over
     * its dependencies), after the model its plan named with {@code modelRunId}. It works on the version its plan
     * named, else on the nearest version an upstream step derived, else on its experiment's.
     */
    @Transactional(readOnly = true)
    public JobWork work(long jobId) {
        Job job = load(jobId);
        List<ArtifactRef> inputs = new ArrayList<>();
        if (job.getInputRunId() != null) {
            inputs.add(runs.modelArtifact(job.getInputRunId()));
        }
        long datasetVersionId;
        if (job.getExperimentId() == null) {
            datasetVersionId = job.getInputDatasetVersionId();
        } else {
            Map<Long, Job> siblings = jobs.findByExperimentIdOrderByStepIndex(job.getExperimentId()).stream()
                    .collect(Collectors.toMap(Job::getId, Function.identity()));
            inputs.addAll(runs.artifactsOfJobs(upstream(job, siblings)));
            Optional<Long> derived = inputs.stream().filter(a -> a.type() == ArtifactType.DATASET_VERSION)
                    .map(ArtifactRef::datasetVersionId).findFirst();
            datasetVersionId = job.getInputDatasetVersionId() != null ? job.getInputDatasetVersionId()
                    : derived.orElseGet(() -> experiments.findById(job.getExperimentId()).orElseThrow()
                            .getDatasetVersionId());
        }
        return new JobWork(jobId, job.getExperimentId(), job.getProjectId(), job.getType(), job.getParams(),
                datasetVersionId, new StepInputs(inputs), job.getAttempt());
    }

    /** The jobs upstream of one, nearest first: its dependencies, then theirs (breadth-first, each once). */
    static List<Long> upstream(Job job, Map<Long, Job> siblings) {
        Set<Long> seen = new LinkedHashSet<>();
        Deque<Long> next = new ArrayDeque<>(job.getDependencies().stream().sorted(java.util.Comparator.reverseOrder())
                .toList());
        while (!next.isEmpty()) {
            Long id = next.poll();
            if (seen.add(id) && siblings.containsKey(id)) {
                siblings.get(id).getDependencies().stream().sorted(java.util.Comparator.reverseOrder()).forEach(next::add);
            }
        }
        return List.copyOf(seen);
    }

    /**
     * A node cannot start the job now (its executor placed it on a node whose training engine or slots are
     * taken): back into the queue at once, with why, to be dispatched again.
     */
    public void handBack(long jobId, boolean recovering, String reason) {
        Job job = load(jobId);
        if (job.getStatus() == JobStatus.QUEUED || recovering && job.getStatus() == JobStatus.RUNNING) {
            job.handBack(reason);
            refreshExperiment(job);
        }
    }

    /** What a job occupies on the node that runs it. */
    public record Placement(DeviceKind device, boolean trainingEngine) {
    }

    @Transactional(readOnly = true)
    public Placement placement(long jobId) {
        Job job = load(jobId);
        return new Placement(job.getDevice(), job.isTrainingEngine());
    }

    /** Which hand-over to the executor the job is in (its executor key). */
    @Transactional(readOnly = true)
    public int dispatchCount(long jobId) {
        return load(jobId).getDispatchCount();
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
        refreshExperiment(job);
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
        refreshExperiment(job);
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
        refreshExperiment(job);
        events.publishEvent(new JobFinished(job.getId(), job.getType(), outcome, message, job.getInputDatasetVersionId()));
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

    private void refreshExperiment(Job job) {
        if (job.getExperimentId() == null) {
            return;
        }
        long experimentId = job.getExperimentId();
        // Two jobs of one experiment finishing at once each read the other as still running, and the experiment
        // stayed RUNNING: the row lock makes the second wait for the first's commit, then read both statuses.
        Experiment experiment = experiments.lockById(experimentId).orElseThrow();
        List<JobStatus> all = jobs.statusesOf(experimentId);
        ExperimentStatus status;
        if (all.contains(JobStatus.RUNNING)) {
            status = ExperimentStatus.RUNNING;
        } else if (all.stream().allMatch(s -> s == JobStatus.QUEUED)) {
            status = ExperimentStatus.QUEUED;
        } else if (all.contains(JobStatus.QUEUED)) {
            status = ExperimentStatus.RUNNING;
        } else if (all.contains(JobStatus.FAILED)) {
            status = ExperimentStatus.FAILED;
        } else if (all.contains(JobStatus.CANCELLED)) {
            status = ExperimentStatus.CANCELLED;
        } else {
            status = ExperimentStatus.SUCCEEDED;
        }
        experiment.updateStatus(status, clock.instant());
    }

    private Job load(long jobId) {
        return jobs.findById(jobId).orElseThrow(() -> new NotFoundException("job", jobId));
    }
}
