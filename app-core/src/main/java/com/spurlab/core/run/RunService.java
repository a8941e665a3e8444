package com.spurlab.core.run;

import com.spurlab.core.NotFoundException;
import com.spurlab.core.experiment.JobContext;
import com.spurlab.core.project.Capability;
import com.spurlab.core.project.ProjectAccess;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records what jobs produced and serves metrics to those who may read results. */
@Service
@Transactional(readOnly = true)
public class RunService {

    private final Runs runs;
    private final SplitMetricsRepository metrics;
    private final ProjectAccess access;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RunService(Runs runs, SplitMetricsRepository metrics, ProjectAccess access, Clock clock,
               ApplicationEventPublisher events) {
        this.runs = runs;
        this.metrics = metrics;
        this.access = access;
        this.clock = clock;
        this.events = events;
    }

    /** A trained model, as a later job finds it. */
    public record TrainedModel(long runId, String method, Path modelDir) {
    }

    @Transactional
    public long recordTraining(JobContext job, String method, Path modelDir, String details) {
        return runs.save(new Run(job.projectId(), job.experimentId(), job.jobId(), job.datasetVersionId(),
                RunKind.TRAINING, method, null, modelDir.toString(), details, clock.instant())).getId();
    }

    @Transactional
    public long recordEvaluation(JobContext job, long modelRunId, List<SplitEvaluation> evaluations) {
        return recordEvaluation(job, modelRunId, evaluations, null);
    }

    /** @param details JSON with what the split metrics table does not hold (per-class figures, file paths); may be null */
    @Transactional
    public long recordEvaluation(JobContext job, long modelRunId, List<SplitEvaluation> evaluations, String details) {
        TrainedModel model = trainedModel(modelRunId);
        Run run = runs.save(new Run(job.projectId(), job.experimentId(), job.jobId(), job.datasetVersionId(),
                RunKind.EVALUATION, model.method(), modelRunId, null, details, clock.instant()));
        evaluations.forEach(e -> metrics.save(new SplitMetrics(run.getId(), e)));
        // KPI snapshots are taken by a listener, in this transaction.
        events.publishEvent(new EvaluationRecorded(run.getId(), job.projectId(), job.experimentId(),
                job.datasetVersionId(), modelRunId, model.method(),
                runs.findById(modelRunId).map(Run::getDetails).orElse(null), evaluations, run.getCreatedAt()));
        return run.getId();
    }

    public TrainedModel trainedModel(long runId) {
        Run run = runs.findById(runId).orElseThrow(() -> new NotFoundException("run", runId));
        if (run.getKind() != RunKind.TRAINING) {
            throw new IllegalArgumentException("run " + runId + " is an evaluation, not a trained model");
        }
        return new TrainedModel(run.getId(), run.getMethod(), Path.of(run.getModelPath()));
    }

    /** The trained model behind a run: itself when it is a training run, else the model it evaluated. */
    public TrainedModel modelBehind(long runId) {
        Run run = runs.findById(runId).orElseThrow(() -> new NotFoundException("run", runId));
        return trainedModel(run.getKind() == RunKind.TRAINING ? run.getId() : run.getModelRunId());
    }

    /** Metrics of an evaluation run (or of the evaluations of a trained model's run). */
    public RunMetrics metrics(long runId) {
        Run run = runs.findById(runId).orElseThrow(() -> new NotFoundException("run", runId));
        access.require(run.getProjectId(), Capability.READ_RESULTS);
        if (run.getKind() == RunKind.TRAINING) {
            return runs.findFirstByModelRunIdOrderByIdDesc(runId).map(this::toMetrics)
                    .orElseThrow(() -> new NotFoundException("evaluation of run", runId));
        }
        return toMetrics(run);
    }

    /** The JSON details a job stored with a run (training figures, per-class evaluation figures); "{}" when none. */
    public String details(long runId) {
        Run run = runs.findById(runId).orElseThrow(() -> new NotFoundException("run", runId));
        access.require(run.getProjectId(), Capability.READ_RESULTS);
        return run.getDetails() == null ? "{}" : run.getDetails();
    }

    /** Every evaluation of a project, oldest first. */
    public List<RunMetrics> evaluations(long projectId) {
        access.require(projectId, Capability.READ_RESULTS);
        return runs.findByProjectIdAndKindOrderById(projectId, RunKind.EVALUATION).stream().map(this::toMetrics)
                .toList();
    }

    /** The newest evaluation only: the dashboard asks every second, so it must not load the whole history. */
    public Optional<RunMetrics> latestEvaluation(long projectId) {
        access.require(projectId, Capability.READ_RESULTS);
        return runs.findFirstByProjectIdAndKindOrderByIdDesc(projectId, RunKind.EVALUATION).map(this::toMetrics);
    }

    private RunMetrics toMetrics(Run run) {
        return new RunMetrics(run.getId(), run.getExperimentId(), run.getMethod(), run.getCreatedAt(),
                metrics.findByRunIdOrderBySplit(run.getId()).stream().map(SplitMetrics::toEvaluation).toList());
    }
}
