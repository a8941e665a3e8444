package com.spurlab.api;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.experiment.ExperimentService;
import com.spurlab.core.experiment.ExperimentView;
import com.spurlab.core.experiment.JobLogEntry;
import com.spurlab.core.experiment.JobView;
import com.spurlab.core.experiment.QueueEntry;
import com.spurlab.core.experiment.StepSpec;
import com.spurlab.core.experiment.StepType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Planning experiments, following their jobs and the queue, cancelling and retrying jobs. */
@RestController
class ExperimentApi {

    record Step(String type, Map<String, Object> params) {
    }

    record PlanExperiment(Long datasetVersionId, String name, Integer priority, List<Step> steps) {
    }

    record JobJson(long id, int stepIndex, String type, String status, double progress, String message, Long runId,
                   List<Long> dependencies, int priority, String device, int attempt, Instant createdAt,
                   Instant startedAt, Instant finishedAt, String node) {
        static JobJson of(JobView j) {
            return new JobJson(j.id(), j.stepIndex(), j.type().name(), j.status().name(), j.progress(), j.message(),
                    j.runId(), j.dependencies(), j.priority(), j.device().name(), j.attempt(), j.createdAt(), j.startedAt(),
                    j.finishedAt(), j.node());
        }
    }

    record ExperimentJson(long id, long projectId, long datasetVersionId, String name, String status, int priority,
                          List<JobJson> jobs) {
        static ExperimentJson of(ExperimentView e) {
            return new ExperimentJson(e.id(), e.projectId(), e.datasetVersionId(), e.name(), e.status().name(),
                    e.priority(), e.jobs().stream().map(JobJson::of).toList());
        }
    }

    private final ExperimentService experiments;

    ExperimentApi(ExperimentService experiments) {
        this.experiments = experiments;
    }

    @PostMapping("/api/v1/projects/{projectId}/experiments")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> plan(@PathVariable long projectId, @RequestBody PlanExperiment body) {
        if (body.datasetVersionId() == null) {
            throw new InvalidRequestException("missing_dataset", "give datasetVersionId: the READY version to use");
        }
        List<StepSpec> steps = body.steps() == null ? List.of() : body.steps().stream().map(ExperimentApi::step).toList();
        int priority = body.priority() == null ? 0 : body.priority();
        return Map.of("id", experiments.plan(projectId, body.datasetVersionId(), body.name(), priority, steps).id());
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
    JobView job(@PathVariable long id) {
        return experiments.job(id);
    }

    @PostMapping("/api/v1/jobs/{id}/cancel")
    JobView cancel(@PathVariable long id) {
        return experiments.cancel(id);
    }

    @PostMapping("/api/v1/jobs/{id}/retry")
    JobView retry(@PathVariable long id) {
        return experiments.retry(id);
    }

    @GetMapping("/api/v1/jobs/{id}/log")
    List<JobLogEntry> log(@PathVariable long id) {
        return experiments.log(id);
    }

    /** A project's queued and running jobs, running first, then in dispatch order. */
    @GetMapping("/api/v1/projects/{projectId}/queue")
    List<QueueEntry> queue(@PathVariable long projectId) {
        return experiments.queue(projectId);
    }

    /** The whole installation's queue (administrators). */
    @GetMapping("/api/v1/queue")
    List<QueueEntry> installationQueue() {
        return experiments.queueOfInstallation();
    }

    private static StepSpec step(Step step) {
        StepType type;
        try {
            type = StepType.valueOf(step.type() == null ? "" : step.type().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_step", "step type '" + step.type() + "' is unknown; use one of "
                    + List.of(StepType.values()));
        }
        Map<String, String> params = new java.util.LinkedHashMap<>();
        if (step.params() != null) {
            step.params().forEach((k, v) -> params.put(k, v instanceof List<?> list
                    ? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(v)));
        }
        return new StepSpec(type, params);
    }
}
