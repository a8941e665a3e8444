package com.spurlab.results;

import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.dataset.SampleRecord;
import com.spurlab.core.run.ArtifactOutput;
import com.spurlab.core.run.GroupResult;
import com.spurlab.core.run.RunService;
import com.spurlab.core.run.SplitEvaluation;
import com.spurlab.core.step.ArtifactRef;
import com.spurlab.core.step.ArtifactType;
import com.spurlab.core.step.Described;
import com.spurlab.core.step.Step;
import com.spurlab.core.step.StepExecution;
import com.spurlab.core.step.StepOutcome;
import com.spurlab.core.step.StepResources;
import com.spurlab.inference.eval.ClassificationMetrics;
import com.spurlab.inference.eval.ClassificationReport;
import com.spurlab.inference.eval.EvaluationReport;
import com.spurlab.inference.eval.GroupMetrics;
import com.spurlab.inference.eval.Prediction;
import com.spurlab.inference.eval.ScoredSamples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Test-only stand-in for EVALUATE: a simulated predictor answers for every real sample of the version (right
 * with the upstream simulated model's quality, less often in groups rarer than their label's commonest), and
 * SpurLab's own metric code scores it — group accuracies, bootstrap interval, confusion, reliability, errors
 * file — recorded as an EVALUATE run in the shape EvaluationStep writes.
 */
@Component
@ConditionalOnProperty(prefix = "spurlab.test", name = "simulated-runs", havingValue = "true")
class SimulatedEvaluationStep implements Step<SimulatedEvaluationStep.Params> {

    record Params(@Described("splits to score") List<String> splits) {
        Params {
            splits = splits == null ? List.of("val", "test") : List.copyOf(splits);
        }
    }

    private final DatasetService datasets;
    private final RunService runs;

    SimulatedEvaluationStep(DatasetService datasets, RunService runs) {
        this.datasets = datasets;
        this.runs = runs;
    }

    @Override
    public String type() {
        return "SIMULATED_EVALUATE";
    }

    @Override
    public Class<Params> parameters() {
        return Params.class;
    }

    @Override
    public String description() {
        return "Test only: scores the dataset with a simulated model through SpurLab's metric code.";
    }

    @Override
    public Set<ArtifactType> needs() {
        return Set.of(ArtifactType.MODEL);
    }

    @Override
    public Set<ArtifactType> produces() {
        return Set.of(ArtifactType.EMBEDDINGS);
    }

    @Override
    public StepResources resources(Params params) {
        return StepResources.CPU;
    }

    @Override
    public StepOutcome run(StepExecution<Params> job) {
        ArtifactRef model = job.inputs().require(ArtifactType.MODEL);
        List<String> simulated;
        try {
            simulated = Files.readAllLines(runs.trainedModel(model.runId()).modelDir()
                    .resolve(SimulatedTrainingStep.SIMULATED));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double quality = Double.parseDouble(simulated.get(0));
        double bias = Double.parseDouble(simulated.get(1));
        List<String> groupBy = simulated.get(2).isEmpty() ? List.of() : List.of(simulated.get(2).split(","));
        List<SampleRecord> samples = datasets.samplesForJob(job.datasetVersionId());
        List<String> classes = samples.stream().map(SampleRecord::label).distinct().sorted().toList();
        Map<String, Integer> index = new HashMap<>();
        classes.forEach(c -> index.put(c, index.size()));
        Map<String, Integer> groupCounts = new HashMap<>();
        samples.forEach(s -> groupCounts.merge(s.group(groupBy), 1, Integer::sum));
        Random random = new Random(model.runId() * 7919L);
        Path folder = job.folder().resolve("embeddings");
        List<SplitEvaluation> evaluations = new ArrayList<>();
        List<Map<String, Object>> details = new ArrayList<>();
        for (String split : job.params().splits()) {
            List<Prediction> predictions = new ArrayList<>();
            for (SampleRecord s : samples) {
                if (!s.split().equals(split)) {
                    continue;
                }
                String group = s.group(groupBy);
                int label = index.get(s.label());
                boolean common = groupCounts.get(group) >= commonest(groupCounts, s.label() + "|");
                boolean right = random.nextDouble() < (common ? quality : quality - bias);
                int predicted = right ? label : (label + 1) % classes.size();
                float confidence = (float) (0.5 + 0.5 * random.nextDouble());
                predictions.add(new Prediction(String.valueOf(s.id()), label, predicted, confidence, group));
            }
            if (predictions.isEmpty()) {
                continue;
            }
            EvaluationReport r = GroupMetrics.evaluate(predictions, 20240607L);
            evaluations.add(new SplitEvaluation(split, r.n(), r.accuracy(), r.worstGroupAccuracy(), r.worstGroup(),
                    r.worstGroupCiLow(), r.worstGroupCiHigh(), r.averageGroupAccuracy(), r.gap(),
                    String.join(",", groupBy), r.groups().stream().map(g -> new GroupResult(g.group(), g.n(),
                    g.correct(), g.accuracy(), g.tooSmall())).toList()));
            ClassificationReport c = ClassificationMetrics.evaluate(predictions, classes.size());
            try {
                ScoredSamples.writeErrors(folder.resolve("errors-" + split + ".csv"), c.errors());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("split", split);
            d.put("classes", classes);
            d.put("confusion", c.confusion());
            d.put("expectedCalibrationError", c.expectedCalibrationError());
            d.put("reliability", c.reliability().stream().map(b -> Map.of("low", b.low(), "high", b.high(), "n", b.n(),
                    "confidence", b.meanConfidence(), "accuracy", b.accuracy())).toList());
            d.put("errorCount", c.errors().size());
            details.add(d);
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("groupBy", groupBy);
        run.put("splits", details);
        long runId = runs.recordEvaluation(job, model.runId(), evaluations, run,
                List.of(ArtifactOutput.files(ArtifactType.EMBEDDINGS, folder)));
        return new StepOutcome(runId, "simulated evaluation of run " + model.runId());
    }

    private static int commonest(Map<String, Integer> groupCounts, String labelPrefix) {
        return groupCounts.entrySet().stream().filter(e -> e.getKey().startsWith(labelPrefix) || e.getKey()
                .equals(labelPrefix.substring(0, labelPrefix.length() - 1))).mapToInt(Map.Entry::getValue).max()
                .orElse(0);
    }
}
