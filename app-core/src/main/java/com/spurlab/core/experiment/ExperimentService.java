package com.spurlab.core.experiment;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.NotFoundException;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.dataset.DatasetStatus;
import com.spurlab.core.dataset.DatasetVersionView;
import com.spurlab.core.project.Capability;
import com.spurlab.core.project.ProjectAccess;
import com.spurlab.core.user.CurrentUser;
import com.spurlab.core.user.Role;
import com.spurlab.core.user.SpurLabPrincipal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planning experiments, reading them and their queue, cancelling and retrying jobs: what leads do
 * (executives read).
 */
@Service
@Transactional(readOnly = true)
public class ExperimentService {

    /** TRAIN methods a step may name, for forms; {@link StepParams} checks them. */
    public static final java.util.List<String> TRAIN_METHODS = StepParams.TRAIN_METHODS;
    /** TRAIN networks ({@code model}) a step may name. */
    public static final java.util.List<String> TRAIN_MODELS = StepParams.TRAIN_MODELS;

    private final Experiments experiments;
    private final Jobs jobs;
    private final ProjectAccess access;
    private final DatasetService datasets;
    private final ApplicationEventPublisher events;
    private final JobLifecycle lifecycle;
    private final QueueSettings queue;
    private final CurrentUser currentUser;
    private final Clock clock;

    ExperimentService(Experiments experiments, Jobs jobs, ProjectAccess access, DatasetService datasets,
                      ApplicationEventPublisher events, JobLifecycle lifecycle, QueueSettings queue,
                      CurrentUser currentUser, Clock clock) {
        this.experiments = experiments;
        this.jobs = jobs;
        this.access = access;
        this.datasets = datasets;
        this.events = events;
        this.lifecycle = lifecycle;
        this.queue = queue;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Plans at the default priority (0). */
    @Transactional
    public ExperimentView plan(long projectId, long datasetVersionId, String name, List<StepSpec> steps) {
        return plan(projectId, datasetVersionId, name, 0, steps);
    }

    /**
     * Stores the plan and its jobs and announces it for queueing. A step runs after the steps named by
     * its {@code dependsOn} parameter (earlier step indices, from 0, comma-separated; empty for none),
     * by default after the step before it. Higher priorities are dispatched first.
     */
    @Transactional
    public ExperimentView plan(long projectId, long datasetVersionId, String name, int priority,
                               List<StepSpec> steps) {
        SpurLabPrincipal caller = access.require(projectId, Capability.MANAGE);
        if (priority < -100 || priority > 100) {
            throw new InvalidRequestException("invalid_priority", "priority must be from -100 to 100, got " + priority);
        }
        DatasetVersionView dataset = datasets.getForJob(datasetVersionId);
        if (dataset.projectId() != projectId) {
            throw new InvalidRequestException("wrong_project", "dataset version " + datasetVersionId
                    + " belongs to another project");
        }
        if (dataset.status() != DatasetStatus.READY) {
            throw new InvalidRequestException("dataset_not_ready", "dataset version " + datasetVersionId + " is "
                    + dataset.status() + "; plan experiments on a READY version");
        }
        if (steps == null || steps.isEmpty()) {
            throw new InvalidRequestException("no_steps", "an experiment needs at least one step, e.g. TRAIN then EVALUATE");
        }
        List<String> attributes = dataset.composition() == null ? List.of()
                : new ArrayList<>(dataset.composition().attributes().keySet());
        List<Map<String, String>> completed = new ArrayList<>();
        List<List<Integer>> dependencies = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            StepSpec step = steps.get(i);
            if (step == null || step.type() == null) {
                throw new InvalidRequestException("invalid_step", "step " + (i + 1) + " has no type");
            }
            Map<String, String> params = new java.util.LinkedHashMap<>(step.params());
            dependencies.add(StepGraph.dependencies(params.remove(StepGraph.DEPENDS_ON), i));
            if (step.type() == StepType.NOOP) {
                if (!queue.noopSteps()) {
                    throw new InvalidRequestException("unsupported_step", "step " + (i + 1) + ": NOOP steps are "
                            + "enabled only for benchmarks and tests (spurlab.queue.noop-steps)");
                }
                completed.add(NoopParams.complete(params, i));
            } else {
                completed.add(StepParams.complete(new StepSpec(step.type(), params), i, attributes));
            }
        }
        StepGraph.requireTrainingBeforeEvaluation(steps, dependencies);
        String title = name == null || name.isBlank() ? describe(steps) + " on " + dataset.label() : name.strip();
        Experiment experiment = experiments.save(new Experiment(projectId, datasetVersionId,
                title.length() > 200 ? title.substring(0, 200) : title, priority, caller.id(), clock.instant()));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            List<Long> dependsOn = dependencies.get(i).stream().map(ids::get).toList();
            StepType type = steps.get(i).type();
            Job job = jobs.save(new Job(experiment.getId(), i, type, StepParams.write(completed.get(i)), dependsOn,
                    priority, queue.deviceOf(type), clock.instant()));
            ids.add(job.getId());
        }
        events.publishEvent(new ExperimentPlanned(experiment.getId()));
        return view(experiment);
    }

    public List<ExperimentView> list(long projectId) {
        access.require(projectId, Capability.READ_RESULTS);
        return experiments.findByProjectIdOrderByIdDesc(projectId).stream().map(this::view).toList();
    }

    public ExperimentView get(long experimentId) {
        Experiment experiment = experiments.findById(experimentId)
                .orElseThrow(() -> new NotFoundException("experiment", experimentId));
        access.require(experiment.getProjectId(), Capability.READ_RESULTS);
        return view(experiment);
    }

    public JobView job(long jobId) {
        Job job = jobs.findById(jobId).orElseThrow(() -> new NotFoundException("job", jobId));
        access.require(projectOf(job), Capability.READ_RESULTS);
        return JobView.of(job);
    }

    /** Cancels a queued job at once; a running one stops at its next batch (its dependants are skipped). */
    @Transactional
    public JobView cancel(long jobId) {
        Job job = jobs.findById(jobId).orElseThrow(() -> new NotFoundException("job", jobId));
        access.require(projectOf(job), Capability.MANAGE);
        if (job.getStatus().finished()) {
            throw new InvalidRequestException("job_finished", "job " + jobId + " is already " + job.getStatus());
        }
        job.requestCancel();
        if (job.getStatus() == JobStatus.QUEUED && job.getDispatchedAt() == null) {
            lifecycle.cancelled(jobId, "cancelled while queued");
        } else {
            // Handed to the executor: it is withdrawn there if it has not fired, else stops at its next batch.
            events.publishEvent(new JobCancelRequested(jobId));
        }
        return JobView.of(job);
    }

    /** Queues a failed or cancelled job again with the same parameters; dependants it skipped follow it. */
    @Transactional
    public JobView retry(long jobId) {
        Job job = jobs.findById(jobId).orElseThrow(() -> new NotFoundException("job", jobId));
        access.require(projectOf(job), Capability.MANAGE);
        if (job.getStatus() != JobStatus.FAILED && job.getStatus() != JobStatus.CANCELLED) {
            throw new InvalidRequestException("job_not_retryable", "job " + jobId + " is " + job.getStatus()
                    + "; only FAILED or CANCELLED jobs can be retried"
                    + (job.getStatus() == JobStatus.SKIPPED ? " (retry the step that stopped it)" : ""));
        }
        lifecycle.retry(job);
        events.publishEvent(new ExperimentPlanned(job.getExperimentId()));
        return JobView.of(job);
    }

    /** The job's persisted log, oldest line first. */
    public List<JobLogEntry> log(long jobId) {
        Job job = jobs.findById(jobId).orElseThrow(() -> new NotFoundException("job", jobId));
        access.require(projectOf(job), Capability.READ_RESULTS);
        return lifecycle.lines(jobId);
    }

    /**
     * A project's queue: running jobs, then queued ones in dispatch order, then the latest failed or
     * cancelled ones (which a lead may retry).
     */
    public List<QueueEntry> queue(long projectId) {
        access.require(projectId, Capability.READ_RESULTS);
        List<Job> candidates = jobs.findByProjectAndStatusIn(projectId, EnumSet.of(JobStatus.QUEUED,
                JobStatus.RUNNING, JobStatus.FAILED, JobStatus.CANCELLED));
        return queueOf(experiments.findAllById(candidates.stream().map(Job::getExperimentId).distinct().toList()),
                candidates);
    }

    /** The same over every project: for administrators, who operate the installation. */
    public List<QueueEntry> queueOfInstallation() {
        if (currentUser.require().role() != Role.ADMIN) {
            throw new AccessDeniedException("only administrators see the whole installation's queue");
        }
        List<Job> candidates = new ArrayList<>(jobs.findByStatusIn(EnumSet.of(JobStatus.QUEUED, JobStatus.RUNNING)));
        candidates.addAll(jobs.findTop50ByStatusInOrderByIdDesc(EnumSet.of(JobStatus.FAILED, JobStatus.CANCELLED)));
        return queueOf(experiments.findAllById(candidates.stream().map(Job::getExperimentId).distinct().toList()),
                candidates);
    }

    private static List<QueueEntry> queueOf(List<Experiment> owners, List<Job> candidates) {
        Map<Long, Experiment> byId = owners.stream().collect(Collectors.toMap(Experiment::getId, Function.identity()));
        Comparator<Job> order = Comparator.comparingInt(ExperimentService::queueRank)
                .thenComparing(Comparator.comparingInt(Job::getPriority).reversed())
                .thenComparing(Job::getId);
        List<Job> active = candidates.stream().filter(j -> !j.getStatus().finished()).sorted(order).toList();
        List<Job> stopped = candidates.stream()
                .filter(j -> j.getStatus() == JobStatus.FAILED || j.getStatus() == JobStatus.CANCELLED)
                .sorted(Comparator.comparing(Job::getId).reversed()).limit(20).toList();
        return Stream.concat(active.stream(), stopped.stream())
                .map(j -> new QueueEntry(JobView.of(j), byId.get(j.getExperimentId()).getProjectId(),
                        byId.get(j.getExperimentId()).getName()))
                .toList();
    }

    private static int queueRank(Job job) {
        return job.getStatus() == JobStatus.RUNNING ? 0 : 1;
    }

    private long projectOf(Job job) {
        return experiments.findById(job.getExperimentId()).orElseThrow().getProjectId();
    }

    private ExperimentView view(Experiment e) {
        return new ExperimentView(e.getId(), e.getProjectId(), e.getDatasetVersionId(), e.getName(), e.getStatus(),
                e.getCreatedAt(), e.getFinishedAt(),
                jobs.findByExperimentIdOrderByStepIndex(e.getId()).stream().map(JobView::of).toList(), e.getPriority());
    }

    private static String describe(List<StepSpec> steps) {
        return String.join(" → ", steps.stream().map(s -> s.type() == StepType.TRAIN
                ? s.params().getOrDefault("method", "ERM") : s.type().name()).toList());
    }
}
