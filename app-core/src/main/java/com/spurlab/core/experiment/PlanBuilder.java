package com.spurlab.core.experiment;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.NotFoundException;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.dataset.DatasetStatus;
import com.spurlab.core.dataset.DatasetVersionView;
import com.spurlab.core.run.RunService;
import com.spurlab.core.step.ArtifactType;
import com.spurlab.core.step.DeviceKind;
import com.spurlab.core.step.PlanContext;
import com.spurlab.core.step.Step;
import com.spurlab.core.step.StepCatalog;
import com.spurlab.core.step.StepResources;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checks a plan whole before anything is stored: each step's type and parameters (bound to its record),
 * its dependencies, the inputs it needs (from steps upstream or named by {@code modelRunId} /
 * {@code datasetVersionId}, both checked to belong to the project), then the step's own plan-time checks.
 */
@Component
class PlanBuilder {

    /** Far more than any pilot needs; a larger plan is a mistake (or an attack on the queue). */
    static final int MAX_STEPS = 50;
    static final String MODEL_RUN_ID = "modelRunId";
    static final String DATASET_VERSION_ID = "datasetVersionId";

    private final StepCatalog catalog;
    private final DatasetService datasets;
    private final RunService runs;
    private final Jobs jobs;
    private final QueueSettings queue;

    PlanBuilder(StepCatalog catalog, DatasetService datasets, RunService runs, Jobs jobs, QueueSettings queue) {
        this.catalog = catalog;
        this.datasets = datasets;
        this.runs = runs;
        this.jobs = jobs;
        this.queue = queue;
    }

    /** A step ready to store: type, prepared parameters as JSON, dependencies (step indices) and its slot. */
    record PlannedStep(String type, String params, List<Integer> dependencies, DeviceKind device,
                       boolean trainingEngine, Long modelRunId, Long datasetVersionId) {
    }

    /** A READY version of the project; the same 404 for a missing id and another project's, so ids don't leak. */
    DatasetVersionView readyVersion(long id, long projectId, String what) {
        DatasetVersionView version = datasets.getForJob(id);
        if (version.projectId() != projectId) {
            throw new NotFoundException("dataset version", id);
        }
        if (version.status() != DatasetStatus.READY) {
            throw new InvalidRequestException("dataset_not_ready", what + ": dataset version " + id + " is "
                    + version.status() + "; plan experiments on a READY version");
        }
        return version;
    }

    List<PlannedStep> check(long projectId, DatasetVersionView dataset, List<StepSpec> steps) {
        if (steps == null || steps.isEmpty()) {
            throw new InvalidRequestException("no_steps", "an experiment needs at least one step, e.g. TRAIN then EVALUATE");
        }
        if (steps.size() > MAX_STEPS) {
            throw new InvalidRequestException("too_many_steps", "an experiment has at most " + MAX_STEPS
                    + " steps, got " + steps.size());
        }
        List<PlannedStep> planned = new ArrayList<>();
        List<Step<?>> types = new ArrayList<>();
        List<Record> prepared = new ArrayList<>();
        List<List<Integer>> dependencies = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            StepSpec spec = steps.get(i);
            if (spec == null || spec.type() == null || spec.type().isBlank()) {
                throw new InvalidRequestException("invalid_step", "step " + (i + 1) + " has no type; available: "
                        + catalog.plannableTypes());
            }
            Step<?> step = catalog.get(spec.type(), "step " + (i + 1));
            String where = "step " + (i + 1) + " (" + step.type() + ")";
            Map<String, Object> raw = new LinkedHashMap<>(spec.params());
            dependencies.add(StepGraph.dependencies(raw.remove(StepGraph.DEPENDS_ON), i));
            Long modelRunId = id(raw.remove(MODEL_RUN_ID), MODEL_RUN_ID, where);
            Long versionId = id(raw.remove(DATASET_VERSION_ID), DATASET_VERSION_ID, where);
            Record bound = catalog.bind(step, raw, where);

            List<Integer> upstream = StepGraph.upstream(dependencies, i);
            Set<ArtifactType> available = EnumSet.of(ArtifactType.DATASET_VERSION);
            List<Object> upstreamParams = new ArrayList<>();
            boolean derived = false;
            for (int u : upstream) {
                available.addAll(types.get(u).produces());
                upstreamParams.add(prepared.get(u));
                derived |= types.get(u).produces().contains(ArtifactType.DATASET_VERSION);
            }
            DatasetVersionView stepDataset = versionId == null ? dataset
                    : readyVersion(versionId, projectId, where + ": " + DATASET_VERSION_ID);
            if (modelRunId != null) {
                RunService.ModelRun model = runs.modelRunForPlan(modelRunId, projectId);
                available.add(ArtifactType.MODEL);
                jobs.findById(model.jobId()).ifPresent(trainedBy ->
                        upstreamParams.add(0, catalog.read(trainedBy.getType(), trainedBy.getParams())));
                List<String> modelLabels = labels(datasets.getForJob(model.datasetVersionId()));
                if (!modelLabels.equals(labels(stepDataset))) {
                    throw new InvalidRequestException("label_mismatch", where + ": the model of run " + modelRunId
                            + " was trained on labels " + modelLabels + " but dataset version " + stepDataset.id()
                            + " has " + labels(stepDataset) + "; name a model of the same label set");
                }
            }
            for (ArtifactType need : step.needs()) {
                if (!available.contains(need)) {
                    throw new InvalidRequestException("missing_input", where + " needs a " + need + ": add a step"
                            + " that makes one (" + producers(need) + ") to its dependsOn"
                            + (need == ArtifactType.MODEL ? ", or name a trained model with modelRunId" : ""));
                }
            }
            PlanContext context = new PlanContext(where, stepDataset, derived && versionId == null, upstreamParams,
                    available);
            Record ready = catalog.prepare(step, bound, context);
            StepResources resources = catalog.resources(step.type(), ready);
            types.add(step);
            prepared.add(ready);
            planned.add(new PlannedStep(step.type(), catalog.write(step.type(), ready), dependencies.get(i),
                    queue.deviceOf(resources), resources.trainingEngine(), modelRunId, versionId));
        }
        return planned;
    }

    private List<String> producers(ArtifactType type) {
        return catalog.plannable().stream().filter(s -> s.produces().contains(type)).map(s -> s.type()).toList();
    }

    private static List<String> labels(DatasetVersionView version) {
        return version.composition() == null ? List.of() : version.composition().labels().stream().sorted().toList();
    }

    /** An id parameter: a whole number (JSON number or digits), never a fraction silently truncated. */
    private static Long id(Object raw, String name, String where) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Integer || raw instanceof Long) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof String s && s.strip().matches("\\d{1,18}")) {
            return Long.parseLong(s.strip());
        }
        throw new InvalidRequestException("invalid_param", where + ": " + name + " must be the id of a result in "
                + "this project (a whole number), got '" + raw + "'");
    }
}
