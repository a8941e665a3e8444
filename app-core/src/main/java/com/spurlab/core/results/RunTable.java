package com.spurlab.core.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.core.Json;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.experiment.ExperimentService;
import com.spurlab.core.experiment.ExperimentView;
import com.spurlab.core.experiment.JobView;
import com.spurlab.core.run.RunService;
import com.spurlab.core.run.RunSummary;
import com.spurlab.core.run.SplitSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The runs table: every evaluation of a project with the parameters and figures of the training behind it,
 * filtered, sorted and paged. A project's rows are read in a fixed number of queries (experiments with their
 * jobs, evaluation runs, their training runs, split figures, version labels) whatever their number; filtering
 * and sorting a few hundred rows happens in memory. Leads and executives read it (the services check).
 */
@Service
@Transactional(readOnly = true)
public class RunTable {

    private final RunService runs;
    private final ExperimentService experiments;
    private final DatasetService datasets;

    RunTable(RunService runs, ExperimentService experiments, DatasetService datasets) {
        this.runs = runs;
        this.experiments = experiments;
        this.datasets = datasets;
    }

    /** Every evaluated run of the project, newest first. */
    public List<EvaluatedRun> runs(long projectId) {
        List<RunSummary> evaluations = runs.summaries(projectId, RunService.EVALUATION);
        if (evaluations.isEmpty()) {
            return List.of();
        }
        Map<Long, ExperimentView> byExperiment = new HashMap<>();
        Map<Long, JobView> jobByRun = new HashMap<>();
        for (ExperimentView x : experiments.list(projectId)) {
            byExperiment.put(x.id(), x);
            x.jobs().stream().filter(j -> j.runId() != null).forEach(j -> jobByRun.put(j.runId(), j));
        }
        Set<Long> trainingIds = evaluations.stream().map(RunSummary::modelRunId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<Long, RunSummary> trainings = runs.summaries(projectId, trainingIds).stream()
                .collect(Collectors.toMap(RunSummary::id, r -> r));
        Map<Long, List<SplitSummary>> splits = runs.splitSummaries(projectId,
                evaluations.stream().map(RunSummary::id).toList());
        Map<Long, String> labels = datasets.versionLabels(projectId);
        List<EvaluatedRun> out = new ArrayList<>(evaluations.size());
        for (RunSummary e : evaluations) {
            RunSummary training = e.modelRunId() == null ? null : trainings.get(e.modelRunId());
            out.add(row(e, training, byExperiment.get(e.experimentId()), jobByRun.get(e.id()),
                    training == null ? null : jobByRun.get(training.id()), splits.getOrDefault(e.id(), List.of()),
                    labels));
        }
        out.sort(RunSort.NEWEST.column().order(true).thenComparing(EvaluatedRun::evaluationRunId,
                Comparator.reverseOrder()));
        return out;
    }

    /** A page of the rows that match the filter, in the given order (newest first when none). */
    public List<EvaluatedRun> find(long projectId, RunFilter filter, List<RunSort> sort, int offset, int limit) {
        Comparator<EvaluatedRun> order = null;
        for (RunSort s : sort.isEmpty() ? List.of(RunSort.NEWEST) : sort) {
            Comparator<EvaluatedRun> next = s.column().order(s.descending());
            order = order == null ? next : order.thenComparing(next);
        }
        return runs(projectId).stream().filter(filter::matches)
                .sorted(order.thenComparing(EvaluatedRun::evaluationRunId, Comparator.reverseOrder()))
                .skip(Math.max(0, offset)).limit(Math.max(0, limit)).toList();
    }

    /** How many evaluated runs the project has, in one query: whether the table needs re-reading. */
    public long size(long projectId) {
        return runs.count(projectId, RunService.EVALUATION);
    }

    public int count(long projectId, RunFilter filter) {
        return (int) runs(projectId).stream().filter(filter::matches).count();
    }

    private static EvaluatedRun row(RunSummary evaluation, RunSummary training, ExperimentView experiment,
                                    JobView evaluationJob, JobView trainingJob, List<SplitSummary> splits,
                                    Map<Long, String> labels) {
        JsonNode trained = Json.read(training == null ? "{}" : training.details(), JsonNode.class);
        Map<String, Object> trainParams = trainingJob == null ? Map.of() : nonNull(trainingJob.params());
        Object epochs = trainParams.get("epochs");
        List<String> groupBy = new ArrayList<>();
        JsonNode trainedGroupBy = trained.path("groupBy");
        if (trainedGroupBy.isArray()) {
            trainedGroupBy.forEach(n -> groupBy.add(n.asText()));
        } else if (trainParams.get("groupBy") instanceof List<?> list) {
            list.forEach(v -> groupBy.add(String.valueOf(v)));
        }
        String model = trained.hasNonNull("model") ? trained.get("model").asText()
                : trainParams.get("model") == null ? null : String.valueOf(trainParams.get("model"));
        return new EvaluatedRun(evaluation.id(), training == null ? null : training.id(), evaluation.experimentId(),
                experiment == null ? "experiment " + evaluation.experimentId() : experiment.name(),
                evaluation.createdAt(), evaluation.datasetVersionId(),
                labels.getOrDefault(evaluation.datasetVersionId(), "version " + evaluation.datasetVersionId()),
                evaluation.method(), model, epochs instanceof Number n ? n.intValue() : null, groupBy, trainParams,
                evaluationJob == null ? Map.of() : nonNull(evaluationJob.params()), split(splits, "test"),
                split(splits, "val"), number(trained, "validationWorstGroupAccuracy"),
                trained.hasNonNull("selectedEpoch") ? trained.get("selectedEpoch").asInt() : null,
                evaluation.jobId(), training == null ? null : training.jobId());
    }

    private static SplitSummary split(List<SplitSummary> splits, String name) {
        return splits.stream().filter(s -> s.split().equals(name)).findFirst().orElse(null);
    }

    static Double number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asDouble() : null;
    }

    private static Map<String, Object> nonNull(Map<String, Object> params) {
        Map<String, Object> out = new HashMap<>();
        params.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
