package com.spurlab.api;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.experiment.ExperimentService;
import com.spurlab.core.experiment.ExperimentView;
import com.spurlab.core.experiment.JobLogEntry;
import com.spurlab.core.experiment.JobView;
import com.spurlab.core.experiment.QueueEntry;
import com.spurlab.core.experiment.StepSpec;
import com.spurlab.core.run.ArtifactView;
import com.spurlab.core.step.StepCatalog;
import com.spurlab.core.step.StepInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Planning experiments, following their jobs and the queue, cancelling and retrying jobs; the step types. */
@RestController
class ExperimentApi {

    @Schema(description = "One step of a plan. params: the step type's parameters (schemas StepParams.<TYPE>), plus "
            + "dependsOn (earlier step indices, default the step before), modelRunId (a trained model elsewhere in the "
            + "project) and datasetVersionId (a READY version of the project) for any step.")
    record Step(@Schema(description = "a step type; see GET /api/v1/steps", example = "TRAIN") String type,
                Map<String, Object> params) {
    }

    record PlanExperiment(Long datasetVersionId, String name, Integer priority, List<Step> steps) {
    }

    record JobJson(long id, Long experimentId, int stepIndex, String type, String status, double progress,
                   String message, Long runId, List<Long> dependencies, int priority, String device,
                   boolean trainingEngine, int attempt, Instant createdAt, Instant startedAt, Instant finishedAt,
                   String node, Map<String, Object> params, Long modelRunId, Long datasetVersionId,
                   List<ArtifactView> artifacts) {
        static JobJson of(JobView j) {
            return new JobJson(j.id(), j.experimentId(), j.stepIndex(), j.type(), j.status().name(), j.progress(),
                    j.message(), j.runId(), j.dependencies(), j.priority(), j.device().name(), j.trainingEngine(),
                    j.attempt(), j.createdAt(), j.startedAt(), j.finishedAt(), j.node(), j.params(), j.modelRunId(),
                    j.datasetVersionId(), j.artifacts());
        }
    }

    /** {@code note}: what a generated plan (the pilot) left out and why, else null. */
    record ExperimentJson(long id, long projectId, long datasetVersionId, String name, String status, int priority,
                          String note, List<JobJson> jobs) {
        static ExperimentJson of(ExperimentView e) {
            return new ExperimentJson(e.id(), e.projectId(), e.datasetVersionId(), e.name(), e.status().name(),
                    e.priority(), e.note(), e.jobs().stream().map(JobJson::of).toList());
        }
    }

    record QueueJson(JobJson job, long projectId, String projectName, String title) {
        static QueueJson of(QueueEntry e) {
            return new QueueJson(JobJson.of(e.job()), e.projectId(), e.projectName(), e.title());
        }
    }

    private final ExperimentService experiments;
    private final StepCatalog steps;

    ExperimentApi(ExperimentService experiments, StepCatalog steps) {
        this.experiments = experiments;
        this.steps = steps;
    }

    @PostMapping("/api/v1/projects/{projectId}/experiments")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> plan(@PathVariable long projectId, @RequestBody PlanExperiment body) {
        if (body.datasetVersionId() == null) {
            throw new InvalidRequestException("missing_dataset", "give datasetVersionId: the READY version to use");
        }
        List<StepSpec> specs = new ArrayList<>();
        if (body.steps() != null) {
            for (Step step : body.steps()) {
                specs.add(step == null ? null : new StepSpec(step.type(), step.params()));
            }
        }
        int priority = body.priority() == null ? 0 : body.priority();
        return Map.of("id", experiments.plan(projectId, body.datasetVersionId(), body.name(), priority, specs).id());
    }

    @Operation(summary = "The step types a plan may use, with their parameters, bounds and defaults")
    @GetMapping("/api/v1/steps")
    List<StepInfo> stepTypes() {
        return steps.plannable();
    }

    @GetMapping("/api/v1/projects/{projectId}/experiments")
    List<ExperimentJson> list(@PathVariable long projectId) {
        return experiments.list(projectId).stream().map(ExperimentJson::of).toList();
    }

    @GetMapping("/api/v1/experiments/{id}")
    ExperimentJson get(@PathVariable long id) {
        return ExperimentJson.of(experiments.get(id));
    }

    @GetMapping("/api/v1/jobs/{id}")
    JobJson job(@PathVariable long id) {
        return JobJson.of(experiments.job(id));
    }

    @PostMapping("/api/v1/jobs/{id}/cancel")
    JobJson cancel(@PathVariable long id) {
        return JobJson.of(experiments.cancel(id));
    }

    @PostMapping("/api/v1/jobs/{id}/retry")
    JobJson retry(@PathVariable long id) {
        return JobJson.of(experiments.retry(id));
    }

    @GetMapping("/api/v1/jobs/{id}/log")
    List<JobLogEntry> log(@PathVariable long id) {
        return experiments.log(id);
    }

    /** A project's queued and running jobs, running first, then in dispatch order; validations included. */
    @GetMapping("/api/v1/projects/{projectId}/queue")
    List<QueueJson> queue(@PathVariable long projectId) {
        return experiments.queue(projectId).stream().map(QueueJson::of).toList();
    }

    /** The whole installation's queue (administrators). */
    @GetMapping("/api/v1/queue")
    List<QueueJson> installationQueue() {
        return experiments.queueOfInstallation().stream().map(QueueJson::of).toList();
    }
}
