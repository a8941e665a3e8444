package com.spurlab.core.experiment;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.NotFoundException;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.dataset.DatasetStatus;
import com.spurlab.core.dataset.DatasetVersionView;
import com.spurlab.core.project.Capability;
import com.spurlab.core.project.ProjectAccess;
import com.spurlab.core.user.SpurLabPrincipal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Planning experiments, reading them, cancelling jobs: what leads do (executives read). */
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
    private final Clock clock;

    ExperimentService(Experiments experiments, Jobs jobs, ProjectAccess access, DatasetService datasets,
                      ApplicationEventPublisher events, Clock clock) {
        this.experiments = experiments;
        this.jobs = jobs;
        this.access = access;
        this.datasets = datasets;
        this.events = events;
        this.clock = clock;
    }

    /** Stores the plan and its jobs (each step after the one before it) and announces it for queueing. */
    @Transactional
    public ExperimentView plan(long projectId, long datasetVersionId, String name, List<StepSpec> steps) {
        SpurLabPrincipal caller = access.require(projectId, Capability.MANAGE);
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
        boolean trained = false;
        for (int i = 0; i < steps.size(); i++) {
            StepSpec step = steps.get(i);
            if (step == null || step.type() == null) {
                throw new InvalidRequestException("invalid_step", "step " + (i + 1) + " has no type");
            }
            completed.add(StepParams.complete(step, i, attributes));
            if (step.type() == StepType.EVALUATE && !trained) {
                throw new InvalidRequestException("invalid_plan", "step " + (i + 1)
                        + " (EVALUATE) needs a TRAIN step before it");
            }
            trained |= step.type() == StepType.TRAIN;
        }
        String title = name == null || name.isBlank() ? describe(steps) + " on " + dataset.label() : name.strip();
        Experiment experiment = experiments.save(new Experiment(projectId, datasetVersionId,
                title.length() > 200 ? title.substring(0, 200) : title, caller.id(), clock.instant()));
        Long previous = null;
        for (int i = 0; i < steps.size(); i++) {
            Job job = jobs.save(new Job(experiment.getId(), i, steps.get(i).type(),
                    StepParams.write(completed.get(i)), previous, clock.instant()));
            previous = job.getId();
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

    /** Cancels a queued job at once; a running one stops at its next batch. */
    @Transactional
    public JobView cancel(long jobId) {
        Job job = jobs.findById(jobId).orElseThrow(() -> new NotFoundException("job", jobId));
        access.require(projectOf(job), Capability.MANAGE);
        if (job.getStatus().finished()) {
            throw new InvalidRequestException("job_finished", "job " + jobId + " is already " + job.getStatus());
        }
        job.requestCancel();
        events.publishEvent(new JobCancelRequested(jobId));
        return JobView.of(job);
    }

    private long projectOf(Job job) {
        return experiments.findById(job.getExperimentId()).orElseThrow().getProjectId();
    }

    private ExperimentView view(Experiment e) {
        return new ExperimentView(e.getId(), e.getProjectId(), e.getDatasetVersionId(), e.getName(), e.getStatus(),
                e.getCreatedAt(), e.getFinishedAt(),
                jobs.findByExperimentIdOrderByStepIndex(e.getId()).stream().map(JobView::of).toList());
    }

    private static String describe(List<StepSpec> steps) {
        return String.join(" → ", steps.stream().map(s -> s.type() == StepType.TRAIN
                ? s.params().getOrDefault("method", "ERM") : s.type().name()).toList());
    }
}
