package com.spurlab.core.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.Json;
import com.spurlab.core.NotFoundException;
import com.spurlab.core.run.ArtifactView;
import com.spurlab.core.run.GroupResult;
import com.spurlab.core.run.PredictionError;
import com.spurlab.core.run.RunMetrics;
import com.spurlab.core.run.RunService;
import com.spurlab.core.run.RunSummary;
import com.spurlab.core.run.SplitEvaluation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Comparisons of evaluated runs and the run page, for those who may read the project's results. */
@Service
@Transactional(readOnly = true)
public class RunReports {

    /** How many runs one comparison holds: enough to weigh alternatives, few enough to read. */
    public static final int MAX_COMPARED = 5;
    /** Parameters shown first, in the order a lead reads a plan. */
    private static final List<String> PARAMETER_ORDER = List.of("method", "model", "epochs", "groupBy",
            "learningRate", "batchSize", "imageSize", "augmentation", "selection", "patience", "seed");

    private final RunTable table;
    private final RunService runs;

    RunReports(RunTable table, RunService runs) {
        this.table = table;
        this.runs = runs;
    }

    /** 2 to 5 evaluated runs of the project side by side. */
    public RunComparison compare(long projectId, List<Long> evaluationRunIds) {
        List<Long> ids = evaluationRunIds.stream().distinct().toList();
        if (ids.size() < 2 || ids.size() > MAX_COMPARED) {
            throw new InvalidRequestException("compare_count", "choose 2 to " + MAX_COMPARED
                    + " evaluated runs to compare, not " + ids.size());
        }
        Map<Long, EvaluatedRun> rows = new LinkedHashMap<>();
        table.runs(projectId).forEach(r -> rows.put(r.evaluationRunId(), r));
        List<EvaluatedRun> chosen = new ArrayList<>();
        for (long id : ids) {
            EvaluatedRun row = rows.get(id);
            if (row == null) {
                throw new NotFoundException("evaluated run", id);
            }
            chosen.add(row);
        }
        Map<Long, List<GroupResult>> groups = new LinkedHashMap<>();
        for (EvaluatedRun run : chosen) {
            groups.put(run.evaluationRunId(), runs.metrics(run.evaluationRunId()).split("test")
                    .map(SplitEvaluation::groups).orElse(List.of()));
        }
        List<String> names = List.copyOf(new TreeSet<>(groups.values().stream().flatMap(List::stream)
                .map(GroupResult::group).toList()));
        Map<Long, List<GroupEstimate>> estimates = new LinkedHashMap<>();
        groups.forEach((id, list) -> estimates.put(id, names.stream().map(name -> list.stream()
                .filter(g -> g.group().equals(name)).findFirst().map(GroupEstimate::of).orElse(null)).toList()));
        Map<Long, List<EpochPoint>> curves = new LinkedHashMap<>();
        Map<Long, RunSummary> trainings = new LinkedHashMap<>();
        runs.summaries(projectId, chosen.stream().map(EvaluatedRun::trainingRunId).filter(Objects::nonNull).toList())
                .forEach(t -> trainings.put(t.id(), t));
        for (EvaluatedRun run : chosen) {
            RunSummary training = run.trainingRunId() == null ? null : trainings.get(run.trainingRunId());
            curves.put(run.evaluationRunId(), history(training).stream().filter(p -> p.phase().equals("main"))
                    .toList());
        }
        return new RunComparison(chosen, names, estimates, parameters(chosen), curves);
    }

    /** The run page of an evaluation (a training run's id gives its newest evaluation's page). */
    public RunReport report(long runId) {
        RunSummary summary = runs.summary(runId);
        long projectId = runs.projectOf(runId);
        RunMetrics metrics = runs.metrics(runId);
        EvaluatedRun row = table.runs(projectId).stream().filter(r -> r.evaluationRunId() == metrics.runId())
                .findFirst().orElseThrow(() -> new NotFoundException("evaluated run", runId));
        RunSummary evaluation = summary.id() == metrics.runId() ? summary : runs.summary(metrics.runId());
        RunSummary training = row.trainingRunId() == null ? null : runs.summary(row.trainingRunId());
        List<ArtifactView> artifacts = new ArrayList<>(runs.artifacts(row.evaluationRunId()));
        if (row.trainingRunId() != null) {
            artifacts.addAll(runs.artifacts(row.trainingRunId()));
        }
        return new RunReport(projectId, row, metrics.splits(), details(evaluation), history(training), artifacts);
    }

    /** The first misclassified samples of one split of an evaluation. */
    public List<PredictionError> errors(long evaluationRunId, String split, int limit) {
        return runs.errors(evaluationRunId, split, Math.min(Math.max(limit, 0), 500));
    }

    static List<EpochPoint> history(RunSummary training) {
        if (training == null) {
            return List.of();
        }
        List<EpochPoint> out = new ArrayList<>();
        for (JsonNode e : Json.read(training.details(), JsonNode.class).path("history")) {
            out.add(new EpochPoint(e.path("phase").asText("main"), e.path("epoch").asInt(),
                    RunTable.number(e, "trainLoss"), RunTable.number(e, "trainAccuracy"),
                    RunTable.number(e, "validationAccuracy"), RunTable.number(e, "validationWorstGroupAccuracy")));
        }
        return out;
    }

    private static List<RunReport.SplitDetails> details(RunSummary evaluation) {
        List<RunReport.SplitDetails> out = new ArrayList<>();
        for (JsonNode s : Json.read(evaluation.details(), JsonNode.class).path("splits")) {
            List<String> classes = new ArrayList<>();
            s.path("classes").forEach(c -> classes.add(c.asText()));
            JsonNode rows = s.path("confusion");
            long[][] confusion = new long[rows.size()][];
            for (int i = 0; i < rows.size(); i++) {
                confusion[i] = new long[rows.get(i).size()];
                for (int j = 0; j < rows.get(i).size(); j++) {
                    confusion[i][j] = rows.get(i).get(j).asLong();
                }
            }
            List<RunReport.ReliabilityBin> bins = new ArrayList<>();
            s.path("reliability").forEach(b -> bins.add(new RunReport.ReliabilityBin(b.path("low").asDouble(),
                    b.path("high").asDouble(), b.path("n").asInt(), b.path("confidence").asDouble(),
                    b.path("accuracy").asDouble())));
            out.add(new RunReport.SplitDetails(s.path("split").asText(), classes, confusion, numbers(s.path("precision")),
                    numbers(s.path("recall")), RunTable.number(s, "expectedCalibrationError"),
                    RunTable.number(s, "trainWeightedAccuracy"), bins, s.path("errorCount").asInt()));
        }
        return out;
    }

    private static List<Double> numbers(JsonNode array) {
        List<Double> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isNumber() ? n.asDouble() : null));
        return out;
    }

    private static List<RunComparison.ParameterRow> parameters(List<EvaluatedRun> chosen) {
        TreeSet<String> rest = new TreeSet<>();
        chosen.forEach(r -> rest.addAll(r.trainingParameters().keySet()));
        rest.removeAll(PARAMETER_ORDER);
        rest.remove("dependsOn");
        List<RunComparison.ParameterRow> out = new ArrayList<>();
        out.add(row("dataset", chosen.stream().map(EvaluatedRun::dataset).toList()));
        Stream.concat(PARAMETER_ORDER.stream(), rest.stream())
                .filter(name -> chosen.stream().anyMatch(r -> r.trainingParameters().containsKey(name)))
                .forEach(name -> out.add(row(name, chosen.stream()
                        .map(r -> text(r.trainingParameters().get(name))).toList())));
        return out;
    }

    private static RunComparison.ParameterRow row(String name, List<String> values) {
        return new RunComparison.ParameterRow(name, values, values.stream().distinct().count() > 1);
    }

    private static String text(Object value) {
        if (value == null) {
            return "—";
        }
        return value instanceof Collection<?> c ? String.join(", ", c.stream().map(String::valueOf).toList())
                : String.valueOf(value);
    }
}
