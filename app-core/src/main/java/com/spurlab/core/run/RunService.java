package com.spurlab.core.run;

import com.spurlab.core.Json;
import com.spurlab.core.NotFoundException;
import com.spurlab.core.project.Capability;
import com.spurlab.core.project.ProjectAccess;
import com.spurlab.core.step.ArtifactRef;
import com.spurlab.core.step.ArtifactType;
import com.spurlab.core.step.StepExecution;
import com.spurlab.core.storage.StorageSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records what jobs produced (runs and their artifacts) and serves them to those who may read results. */
@Service
@Transactional(readOnly = true)
public class RunService {

    /** The run kind of evaluations: the step type that makes them. */
    public static final String EVALUATION = "EVALUATE";

    private final Runs runs;
    private final Artifacts artifacts;
    private final SplitMetricsRepository metrics;
    private final ProjectAccess access;
    private final StorageSettings storage;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RunService(Runs runs, Artifacts artifacts, SplitMetricsRepository metrics, ProjectAccess access,
               StorageSettings storage, Clock clock, ApplicationEventPublisher events) {
        this.runs = runs;
        this.artifacts = artifacts;
        this.metrics = metrics;
        this.access = access;
        this.storage = storage;
        this.clock = clock;
        this.events = events;
    }

    /** A trained model, as a later job finds it. */
    public record TrainedModel(long runId, String method, Path modelDir, long datasetVersionId) {
    }

    /** A model named by {@code modelRunId} in a plan: the training run behind it and the job that trained it. */
    public record ModelRun(long runId, long jobId, long projectId, long datasetVersionId) {
    }

    /**
     * Records a job's run with its details (any JSON-serialisable value) and artifacts. Idempotent per job:
     * a job recovered after it had recorded its run (its node died before marking it done) gets the same run.
     *
     * @param kind       the step type
     * @param modelRunId the training run whose model the step used, if any
     */
    @Transactional
    public long record(StepExecution<?> job, String kind, String method, Long modelRunId, Object details,
                       List<ArtifactOutput> outputs) {
        Optional<Run> existing = runs.findByJobId(job.jobId());
        if (existing.isPresent()) {
            return existing.get().getId();
        }
        if (job.experimentId() == null) {
            throw new IllegalStateException("job " + job.jobId() + " is not part of an experiment and records no run");
        }
        Run run = runs.save(new Run(job.projectId(), job.experimentId(), job.jobId(), job.datasetVersionId(), kind,
                method, modelRunId, details == null ? null : details instanceof String s ? s : Json.write(details),
                clock.instant()));
        for (ArtifactOutput out : outputs) {
            artifacts.save(new Artifact(job.projectId(), job.jobId(), run.getId(), out.type(),
                    out.datasetVersionId() != null ? out.datasetVersionId()
                            : out.type() == ArtifactType.MODEL ? job.datasetVersionId() : null,
                    out.folder() == null ? null : relative(out.folder()), clock.instant()));
        }
        return run.getId();
    }

    /** Records an evaluation: its run, its per-split metrics and its artifacts (embeddings), idempotent per job. */
    @Transactional
    public long recordEvaluation(StepExecution<?> job, long modelRunId, List<SplitEvaluation> evaluations, Object details,
                                 List<ArtifactOutput> outputs) {
        boolean first = runs.findByJobId(job.jobId()).isEmpty();
        TrainedModel model = trainedModel(modelRunId);
        long runId = record(job, EVALUATION, model.method(), modelRunId, details, outputs);
        if (first) {
            evaluations.forEach(e -> metrics.save(new SplitMetrics(runId, e)));
            // KPI snapshots are taken by a listener, in this transaction.
            Run run = runs.findById(runId).orElseThrow();
            events.publishEvent(new EvaluationRecorded(runId, run.getProjectId(), run.getExperimentId(),
                    run.getDatasetVersionId(), model.runId(), model.method(),
                    runs.findById(model.runId()).map(Run::getDetails).orElse(null), evaluations, run.getCreatedAt()));
        }
        return runId;
    }

    /** The model behind a run: its own MODEL artifact, or that of the model run it used (an evaluation's). */
    public TrainedModel trainedModel(long runId) {
        Run run = runs.findById(runId).orElseThrow(() -> new NotFoundException("run", runId));
        Artifact model = artifacts.findFirstByRunIdAndTypeOrderById(run.getId(), ArtifactType.MODEL)
                .or(() -> run.getModelRunId() == null ? Optional.empty()
                        : artifacts.findFirstByRunIdAndTypeOrderById(run.getModelRunId(), ArtifactType.MODEL))
                .orElseThrow(() -> new IllegalArgumentException("run " + runId + " has no model"));
        Run trained = runs.findById(model.getRunId()).orElseThrow();
        return new TrainedModel(trained.getId(), trained.getMethod(), resolve(model.getLocation()),
                model.getDatasetVersionId() == null ? trained.getDatasetVersionId() : model.getDatasetVersionId());
    }

    /**
     * For planning: the model a {@code modelRunId} names (a training run, or an evaluation of one), checked to
     * belong to the project; the same 404 whether it is missing or elsewhere, so ids of other projects stay unknown.
     */
    public ModelRun modelRunForPlan(long runId, long projectId) {
        Run run = runs.findById(runId).filter(r -> r.getProjectId() == projectId)
                .orElseThrow(() -> new NotFoundException("run", runId));
        Long trainingRunId = artifacts.findFirstByRunIdAndTypeOrderById(run.getId(), ArtifactType.MODEL).isPresent()
                ? run.getId() : run.getModelRunId();
        if (trainingRunId == null) {
            throw new com.spurlab.core.InvalidRequestException("not_a_model", "run " + runId + " (" + run.getKind()
                    + ") has no model; modelRunId must name a TRAIN run or an evaluation of one");
        }
        Run trained = runs.findById(trainingRunId).orElseThrow();
        return new ModelRun(trained.getId(), trained.getJobId(), trained.getProjectId(), trained.getDatasetVersionId());
    }

    /** The artifacts of the given jobs, in the order of the jobs given (nearest first), then by id. */
    public List<ArtifactRef> artifactsOfJobs(List<Long> jobIds) {
        if (jobIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> order = new HashMap<>();
        for (int i = 0; i < jobIds.size(); i++) {
            order.putIfAbsent(jobIds.get(i), i);
        }
        return artifacts.findByJobIdInOrderById(jobIds).stream()
                .sorted(Comparator.comparingInt((Artifact a) -> order.get(a.getJobId())))
                .map(this::ref).toList();
    }

    /** The MODEL artifact behind a run (for a plan's {@code modelRunId}). */
    public ArtifactRef modelArtifact(long runId) {
        TrainedModel model = trainedModel(runId);
        return ref(artifacts.findFirstByRunIdAndTypeOrderById(model.runId(), ArtifactType.MODEL).orElseThrow());
    }

    /** The artifacts a run recorded, for callers who may read the project's results. */
    public List<ArtifactView> artifacts(long runId) {
        Run run = readable(runId);
        return artifacts.findByRunIdOrderById(run.getId()).stream().map(ArtifactView::of).toList();
    }

    /** Artifacts per job, for experiment views: job id → its artifacts. */
    public Map<Long, List<ArtifactView>> artifactsByJob(List<Long> jobIds) {
        Map<Long, List<ArtifactView>> out = new HashMap<>();
        if (!jobIds.isEmpty()) {
            artifacts.findByJobIdInOrderById(jobIds).forEach(a ->
                    out.computeIfAbsent(a.getJobId(), k -> new ArrayList<>()).add(ArtifactView.of(a)));
        }
        return out;
    }

    /** Metrics of an evaluation run (or of the newest evaluation of a trained model's run). */
    public RunMetrics metrics(long runId) {
        Run run = readable(runId);
        if (!EVALUATION.equals(run.getKind())) {
            return runs.findFirstByModelRunIdAndKindOrderByIdDesc(runId, EVALUATION).map(this::toMetrics)
                    .orElseThrow(() -> new NotFoundException("evaluation of run", runId));
        }
        return toMetrics(run);
    }

    /** The JSON details a job stored with a run (training figures, per-class evaluation figures); "{}" when none. */
    public String details(long runId) {
        Run run = readable(runId);
        return run.getDetails() == null ? "{}" : run.getDetails();
    }

    /**
     * A run's details for a job downstream of it (no caller: the scheduler runs it; the plan checked the run belongs
     * to the project), e.g. EDIT reading the ranking of the EXTRACT run it depends on; "{}" when none.
     */
    public String detailsForJob(long runId) {
        Run run = runs.findById(runId).orElseThrow(() -> new NotFoundException("run", runId));
        return run.getDetails() == null ? "{}" : run.getDetails();
    }

    /** The run's step type and its details, for result endpoints of one step type (cues, edits, audits). */
    public RunSummary summary(long runId) {
        return summaryOf(readable(runId));
    }

    /** The project a run belongs to, for callers who then check their own access to it. */
    public long projectOf(long runId) {
        return runs.findById(runId).orElseThrow(() -> new NotFoundException("run", runId)).getProjectId();
    }

    private static RunSummary summaryOf(Run run) {
        return new RunSummary(run.getId(), run.getKind(), run.getMethod(), run.getExperimentId(), run.getJobId(),
                run.getDatasetVersionId(), run.getModelRunId(), run.getDetails() == null ? "{}" : run.getDetails(),
                run.getCreatedAt());
    }

    /** A project's runs of one step type, newest first, for result views that let the reader pick a run. */
    public List<RunSummary> newestFirst(long projectId, String kind) {
        access.require(projectId, Capability.READ_RESULTS);
        return runs.findByProjectIdAndKindOrderByIdDesc(projectId, kind).stream().map(RunService::summaryOf).toList();
    }

    /** The id of a project's newest run of one step type: result views re-read their runs only when it changes. */
    public Optional<Long> latestRunId(long projectId, String kind) {
        access.require(projectId, Capability.READ_RESULTS);
        return runs.findFirstByProjectIdAndKindOrderByIdDesc(projectId, kind).map(Run::getId);
    }

    /** Every evaluation of a project, oldest first. */
    public List<RunMetrics> evaluations(long projectId) {
        access.require(projectId, Capability.READ_RESULTS);
        return runs.findByProjectIdAndKindOrderById(projectId, EVALUATION).stream().map(this::toMetrics).toList();
    }

    /** Every run of one kind (EVALUATE, TRAIN ...) in a project, oldest first, details included: one query. */
    public List<RunSummary> summaries(long projectId, String kind) {
        access.require(projectId, Capability.READ_RESULTS);
        return runs.findByProjectIdAndKindOrderById(projectId, kind).stream().map(RunService::summaryOf).toList();
    }

    /** How many runs of one kind the project has: a cheap check whether a table needs re-reading. */
    public long count(long projectId, String kind) {
        access.require(projectId, Capability.READ_RESULTS);
        return runs.countByProjectIdAndKind(projectId, kind);
    }

    /** The project's runs with these ids (others are left out), details included: one query. */
    public List<RunSummary> summaries(long projectId, java.util.Collection<Long> runIds) {
        access.require(projectId, Capability.READ_RESULTS);
        return runIds.isEmpty() ? List.of()
                : runs.findByProjectIdAndIdIn(projectId, runIds).stream().map(RunService::summaryOf).toList();
    }

    /** The headline figures of each split of these runs of the project, without groups: one query. */
    public Map<Long, List<SplitSummary>> splitSummaries(long projectId, java.util.Collection<Long> runIds) {
        access.require(projectId, Capability.READ_RESULTS);
        Map<Long, List<SplitSummary>> out = new HashMap<>();
        if (!runIds.isEmpty()) {
            metrics.summariesOf(runIds).forEach(s -> out.computeIfAbsent(s.runId(), k -> new ArrayList<>()).add(s));
        }
        return out;
    }

    /**
     * The first {@code limit} misclassified samples of an evaluation's split, from the errors file of its
     * EMBEDDINGS artifact (the file itself stays on the server); empty when the split was not evaluated.
     */
    public List<PredictionError> errors(long runId, String split, int limit) {
        Run run = readable(runId);
        if (!split.matches("[a-z]+")) {
            throw new com.spurlab.core.InvalidRequestException("unknown_split", "split must be train, val or test");
        }
        Optional<Artifact> folder = artifacts.findFirstByRunIdAndTypeOrderById(run.getId(), ArtifactType.EMBEDDINGS);
        if (folder.isEmpty() || folder.get().getLocation() == null) {
            return List.of();
        }
        return ErrorsFile.read(resolve(folder.get().getLocation()).resolve("errors-" + split + ".csv"), limit);
    }

    /** The newest evaluation only: the dashboard asks often, so it must not load the whole history. */
    public Optional<RunMetrics> latestEvaluation(long projectId) {
        access.require(projectId, Capability.READ_RESULTS);
        return runs.findFirstByProjectIdAndKindOrderByIdDesc(projectId, EVALUATION).map(this::toMetrics);
    }

    /** The run a job recorded, if it recorded one (for derived versions' provenance). */
    public Optional<Long> runOfJob(long jobId) {
        return runs.findByJobId(jobId).map(Run::getId);
    }

    private Run readable(long runId) {
        Run run = runs.findById(runId).orElseThrow(() -> new NotFoundException("run", runId));
        access.require(run.getProjectId(), Capability.READ_RESULTS);
        return run;
    }

    private ArtifactRef ref(Artifact a) {
        return new ArtifactRef(a.getId(), a.getType(), a.getRunId(), a.getJobId(), a.getDatasetVersionId(),
                a.getLocation() == null ? null : resolve(a.getLocation()));
    }

    private Path resolve(String location) {
        return storage.dataDir().toAbsolutePath().resolve(location);
    }

    private String relative(Path folder) {
        Path data = storage.dataDir().toAbsolutePath().normalize();
        Path target = folder.toAbsolutePath().normalize();
        return target.startsWith(data) ? data.relativize(target).toString() : target.toString();
    }

    private RunMetrics toMetrics(Run run) {
        return new RunMetrics(run.getId(), run.getExperimentId(), run.getMethod(), run.getCreatedAt(),
                metrics.findByRunIdOrderBySplit(run.getId()).stream().map(SplitMetrics::toEvaluation).toList());
    }
}
