package com.spurlab.core.experiment;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.NotFoundException;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.dataset.DatasetValidation;
import com.spurlab.core.dataset.DatasetVersionView;
import com.spurlab.core.project.Capability;
import com.spurlab.core.project.ProjectAccess;
import com.spurlab.core.project.ProjectService;
import com.spurlab.core.run.ArtifactView;
import com.spurlab.core.run.RunService;
import com.spurlab.core.step.StepCatalog;
import com.spurlab.core.user.CurrentUser;
import com.spurlab.core.user.Role;
import com.spurlab.core.user.SpurLabPrincipal;
import java.time.Clock;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** Finished jobs a queue view keeps showing (newest first) below the active ones. */
    static final int HISTORY = 30;
    private static final Set<JobStatus> FINISHED = EnumSet.of(JobStatus.SUCCEEDED, JobStatus.FAILED,
            JobStatus.CANCELLED, JobStatus.SKIPPED);

    private final Experiments experiments;
    private final Jobs jobs;
    private final ProjectAccess access;
    private final DatasetService datasets;
    private final ProjectService projects;
    private final RunService runs;
    private final StepCatalog catalog;
    private final PlanBuilder planner;
    private final ApplicationEventPublisher events;
    private final JobLifecycle lifecycle;
    private final CurrentUser currentUser;
    private final Clock clock;

    ExperimentService(Experiments experiments, Jobs jobs, ProjectAccess access, DatasetService datasets,
                      ProjectService projects, RunService runs, StepCatalog catalog, PlanBuilder planner,
                      ApplicationEventPublisher events, JobLifecycle lifecycle, CurrentUser currentUser, Clock clock) {
        this.experiments = experiments;
        this.jobs = jobs;
        this.access = access;
        this.datasets = datasets;
        this.projects = projects;
        this.runs = runs;
        this.catalog = catalog;
        this.planner = planner;
        this.events = events;
        this.lifecycle = lifecycle;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Plans at the default priority (0). */
    @Transactional
    public ExperimentView plan(long projectId, long datasetVersionId, String name, List<StepSpec> steps) {
        return plan(projectId, datasetVersionId, name, 0, steps);
    }

    /**
     * Checks the plan whole (every step's type, parameters, inputs), then stores it and its jobs and
     * announces it for queueing. A step runs after the steps named by its {@code dependsOn} parameter
     * (earlier step indices, from 0), by default after the step before it. Higher priorities go first.
     */
    @Transactional
    public ExperimentView plan(long projectId, long datasetVersionId, String name, int priority,
                               List<StepSpec> steps) {
        return plan(projectId, datasetVersionId, name, priority, steps, null);
    }

    /** Plans with a note for the lead (what a generated plan, the pilot, left out and why). */
    @Transactional
    public ExperimentView plan(long projectId, long datasetVersionId, String name, int priority,
                               List<StepSpec> steps, String note) {
        SpurLabPrincipal caller = access.require(projectId, Capability.MANAGE);
        if (priority < -100 || priority > 100) {
            throw new InvalidRequestException("invalid_priority", "priority must be from -100 to 100, got " + priority);
        }
        DatasetVersionView dataset = planner.readyVersion(datasetVersionId, projectId, "datasetVersionId");
        List<PlanBuilder.PlannedStep> planned = planner.check(projectId, dataset, steps);
        String title = name == null || name.isBlank() ? describe(planned) + " on " + dataset.label() : name.strip();
        Experiment experiment = experiments.save(new Experiment(projectId, datasetVersionId,
                title.length() > 200 ? title.substring(0, 200) : title, priority, caller.id(), clock.instant(), note));
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            PlanBuilder.PlannedStep step = planned.get(i);
            List<Long> dependsOn = step.dependencies().stream().map(ids::get).toList();
            Job job = jobs.save(new Job(projectId, experiment.getId(), i, step.type(), step.params(), dependsOn,
                    priority, step.device(), step.trainingEngine(), step.modelRunId(), step.datasetVersionId(),
                    clock.instant()));
            ids.add(job.getId());
        }
        events.publishEvent(new ExperimentPlanned(experiment.getId()));
        return views(List.of(experiment)).get(0);
    }

    public List<ExperimentView> list(long projectId) {
        access.require(projectId, Capability.READ_RESULTS);
        return views(experiments.findByProjectIdOrderByIdDesc(projectId));
    }

    public ExperimentView get(long experimentId) {
        Experiment experiment = experiments.findById(experimentId)
                .orElseThrow(() -> new NotFoundException("experiment", experimentId));
        access.require(experiment.getProjectId(), Capability.READ_RESULTS);
        return views(List.of(experiment)).get(0);
    }

    public JobView job(long jobId) {
        Job job = readable(jobId, Capability.READ_RESULTS);
        return view(job, runs.artifactsByJob(List.of(jobId)).get(jobId));
    }

    /** Cancels a queued job at once; a running one stops at its next batch (its dependants are skipped). */
    @Transactional
    public JobView cancel(long jobId) {
        Job job = readable(jobId, Capability.OPERATE);
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
        return view(job, List.of());
    }

    /** Queues a failed or cancelled job again with the same parameters; dependants it skipped follow it. */
    @Transactional
    public JobView retry(long jobId) {
        Job job = readable(jobId, Capability.OPERATE);
        if (job.getStatus() != JobStatus.FAILED && job.getStatus() != JobStatus.CANCELLED) {
            throw new InvalidRequestException("job_not_retryable", "job " + jobId + " is " + job.getStatus()
                    + "; only FAILED or CANCELLED jobs can be retried"
                    + (job.getStatus() == JobStatus.SKIPPED ? " (retry the step that stopped it)" : ""));
        }
        if (job.getExperimentId() == null) {
            throw new InvalidRequestException("job_not_retryable", "job " + jobId + " validated an upload that was"
                    + " rejected when it stopped; upload the archive again");
        }
        lifecycle.retry(job);
        events.publishEvent(new ExperimentPlanned(job.getExperimentId()));
        return view(job, List.of());
    }

    /**
     * The latest validation job of a dataset version (its progress and log), for callers who already
     * read the version itself.
     */
    public Optional<Long> validationJobOf(long datasetVersionId) {
        List<Job> validations = jobs.findByTypeAndInputDatasetVersionIdOrderById(DatasetValidation.STEP_TYPE,
                datasetVersionId);
        return validations.isEmpty() ? Optional.empty() : Optional.of(validations.get(validations.size() - 1).getId());
    }

    /** The job's persisted log, oldest line first: for readers of results and those who run the queue. */
    public List<JobLogEntry> log(long jobId) {
        Job job = jobs.findById(jobId).orElseThrow(() -> new NotFoundException("job", jobId));
        access.requireAny(job.getProjectId(), Capability.READ_RESULTS, Capability.OPERATE);
        return lifecycle.lines(jobId);
    }

    /**
     * A project's queue: running jobs, then queued ones in dispatch order, then the latest finished ones
     * (failed or cancelled ones may be retried).
     */
    public List<QueueEntry> queue(long projectId) {
        access.requireAny(projectId, Capability.READ_RESULTS, Capability.OPERATE);
        List<Job> candidates = new java.util.ArrayList<>(jobs.findByProjectIdAndStatusIn(projectId,
                EnumSet.of(JobStatus.QUEUED, JobStatus.RUNNING)));
        candidates.addAll(jobs.findTop50ByProjectIdAndStatusInOrderByIdDesc(projectId, FINISHED));
        return queueOf(candidates);
    }

    /** The same over every project: for administrators, who operate the installation. */
    public List<QueueEntry> queueOfInstallation() {
        if (currentUser.require().role() != Role.ADMIN) {
            throw new AccessDeniedException("only administrators see the whole installation's queue");
        }
        List<Job> candidates = new java.util.ArrayList<>(jobs.findByStatusIn(EnumSet.of(JobStatus.QUEUED,
                JobStatus.RUNNING)));
        candidates.addAll(jobs.findTop50ByStatusInOrderByIdDesc(FINISHED));
        return queueOf(candidates);
    }

    private List<QueueEntry> queueOf(List<Job> candidates) {
        Map<Long, Experiment> owners = experiments.findAllById(candidates.stream().map(Job::getExperimentId)
                .filter(java.util.Objects::nonNull).distinct().toList()).stream()
                .collect(Collectors.toMap(Experiment::getId, Function.identity()));
        Map<Long, String> projectNames = projects.names(candidates.stream().map(Job::getProjectId).distinct().toList());
        // A lookup that throws would mark the caller's transaction rollback-only: versions are read in one query.
        Map<Long, String> versionLabels = datasets.labelsForJobs(candidates.stream().filter(j -> j.getExperimentId() == null)
                .map(Job::getInputDatasetVersionId).filter(java.util.Objects::nonNull).distinct().toList());
        Comparator<Job> order = Comparator.comparingInt(ExperimentService::queueRank)
                .thenComparing(Comparator.comparingInt(Job::getPriority).reversed())
                .thenComparing(Job::getId);
        List<Job> active = candidates.stream().filter(j -> !j.getStatus().finished()).sorted(order).toList();
        List<Job> stopped = candidates.stream().filter(j -> j.getStatus().finished())
                .sorted(Comparator.comparing(Job::getId).reversed()).limit(HISTORY).toList();
        return Stream.concat(active.stream(), stopped.stream())
                .map(j -> new QueueEntry(view(j, List.of()), j.getProjectId(), projectNames.get(j.getProjectId()),
                        j.getExperimentId() == null ? describeSystemJob(j, versionLabels) : owners.get(j.getExperimentId()).getName()))
                .toList();
    }

    /** "validate of shelf v3" for a job outside any experiment; {@code labels}: the versions that still exist. */
    private static String describeSystemJob(Job job, Map<Long, String> labels) {
        Long version = job.getInputDatasetVersionId();
        String what = job.getType().toLowerCase(java.util.Locale.ROOT) + " of ";
        if (version == null) {
            return what + "the installation";
        }
        // The queue keeps finished jobs; the version one of them validated may have been deleted since.
        String label = labels.get(version);
        return what + (label == null ? "a deleted dataset version (" + version + ")" : label);
    }

    private static int queueRank(Job job) {
        return job.getStatus() == JobStatus.RUNNING ? 0 : 1;
    }

    private Job readable(long jobId, Capability capability) {
        Job job = jobs.findById(jobId).orElseThrow(() -> new NotFoundException("job", jobId));
        access.require(job.getProjectId(), capability);
        return job;
    }

    /** Views of experiments with their jobs and artifacts, in a fixed number of queries whatever their count. */
    private List<ExperimentView> views(List<Experiment> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Job>> byExperiment = jobs.findByExperimentIdInOrderByStepIndex(
                list.stream().map(Experiment::getId).toList()).stream()
                .collect(Collectors.groupingBy(Job::getExperimentId));
        Map<Long, List<ArtifactView>> artifacts = runs.artifactsByJob(byExperiment.values().stream()
                .flatMap(List::stream).map(Job::getId).toList());
        return list.stream().map(e -> new ExperimentView(e.getId(), e.getProjectId(), e.getDatasetVersionId(),
                e.getName(), e.getStatus(), e.getCreatedAt(), e.getFinishedAt(),
                byExperiment.getOrDefault(e.getId(), List.of()).stream()
                        .map(j -> view(j, artifacts.get(j.getId()))).toList(), e.getPriority(), e.getNote())).toList();
    }

    private JobView view(Job job, List<ArtifactView> artifacts) {
        return JobView.of(job, catalog.asMap(job.getType(), job.getParams()), artifacts);
    }

    private String describe(List<PlanBuilder.PlannedStep> steps) {
        return String.join(" → ", steps.stream().map(s -> {
            Object method = catalog.asMap(s.type(), s.params()).get("method");
            return method == null ? s.type() : method.toString();
        }).toList());
    }
}
