package com.spurlab.scheduler.step;

import com.spurlab.core.dataset.DataSplit;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.run.ArtifactOutput;
import com.spurlab.core.run.GroupResult;
import com.spurlab.core.run.RunService;
import com.spurlab.core.run.SplitEvaluation;
import com.spurlab.core.step.ArtifactRef;
import com.spurlab.core.step.ArtifactType;
import com.spurlab.core.step.PlanContext;
import com.spurlab.core.step.Step;
import com.spurlab.core.step.StepExecution;
import com.spurlab.core.step.StepOutcome;
import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.eval.ClassificationMetrics;
import com.spurlab.inference.eval.ClassificationReport;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.eval.EvaluationReport;
import com.spurlab.inference.eval.GroupMetrics;
import com.spurlab.inference.eval.ScoredSamples;
import com.spurlab.inference.train.TrainingMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * EVALUATE: predicts each requested split with the model upstream (or named by {@code modelRunId}), records
 * per-group metrics, and keeps per-class figures (confusion, precision/recall, ECE, train-weighted accuracy)
 * in the run's details, with every split's errors and embeddings as the run's EMBEDDINGS artifact.
 */
@Component
@Order(20)
class EvaluationStep implements Step<EvaluateParams> {

    /** Fixed so that a re-run of the same evaluation gives the same bootstrap interval. */
    static final long BOOTSTRAP_SEED = 20240607L;

    private final DatasetService datasets;
    private final RunService runs;
    private final ClassifierEvaluator evaluator = new ClassifierEvaluator();

    EvaluationStep(DatasetService datasets, RunService runs) {
        this.datasets = datasets;
        this.runs = runs;
    }

    @Override
    public String type() {
        return "EVALUATE";
    }

    @Override
    public Class<EvaluateParams> parameters() {
        return EvaluateParams.class;
    }

    @Override
    public String description() {
        return "Scores a trained model per group (accuracy, worst-group accuracy with its interval, calibration) "
                + "and keeps every split's embeddings for later steps.";
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
    public EvaluateParams prepare(EvaluateParams p, PlanContext plan) {
        List<String> trained = plan.upstream(TrainParams.class).map(TrainParams::groupBy).orElse(null);
        List<String> fallback = trained != null ? trained
                : plan.strongestSuspectedCue().map(List::of).orElse(List.of());
        return p.withGroupBy(GroupBy.resolve(p.groupBy(), plan, fallback));
    }

    @Override
    public StepOutcome run(StepExecution<EvaluateParams> job) {
        ArtifactRef modelRef = job.inputs().require(ArtifactType.MODEL);
        RunService.TrainedModel model = runs.trainedModel(modelRef.runId());
        List<String> groupBy = job.params().groupBy();
        StepData data = StepData.of(datasets.samplesForJob(job.datasetVersionId()), groupBy);
        data.requireClasses(model.modelDir());
        data.requireGroupAttributes(job.datasetVersionId());
        Map<String, Integer> trainGroups = new TreeMap<>();
        data.split("train").forEach(s -> trainGroups.merge(groupOf(s, data), 1, Integer::sum));
        // Later steps (audits, retrieval, slice discovery) may read the errors and embeddings from here.
        Path artifacts = job.folder().resolve("embeddings");
        List<SplitEvaluation> evaluations = new ArrayList<>();
        List<Map<String, Object>> details = new ArrayList<>();
        List<DataSplit> splits = job.params().splits();
        for (int i = 0; i < splits.size(); i++) {
            String split = splits.get(i).key();
            List<LabeledImage> images = data.split(split);
            if (images.isEmpty()) {
                continue;
            }
            job.progress().report((double) i / splits.size(), "evaluating " + split + " (" + images.size() + " images)");
            ScoredSamples scored = evaluator.score(model.modelDir(), images);
            EvaluationReport report = GroupMetrics.evaluate(scored.predictions(), BOOTSTRAP_SEED);
            evaluations.add(toSplit(split, groupBy, report));
            ClassificationReport classes = ClassificationMetrics.evaluate(scored.predictions(), data.classNames().size());
            write(scored, classes, artifacts, split);
            details.add(EvaluationDetails.split(split, data.classNames(), classes, trainWeighted(report, trainGroups),
                    DataSplit.VAL.key().equals(split) && TrainingMethod.parse(model.method()).fitsOnValidation()));
        }
        if (evaluations.isEmpty()) {
            throw new IllegalStateException("none of the splits " + splits + " of dataset version "
                    + job.datasetVersionId() + " has samples");
        }
        // Embeddings of every sample, also of the splits not scored here, for audits and retrieval.
        for (DataSplit other : DataSplit.values()) {
            List<LabeledImage> images = data.split(other.key());
            if (!splits.contains(other) && !images.isEmpty()) {
                job.progress().report(0.95, "embedding " + other.key() + " (" + images.size() + " images)");
                try {
                    evaluator.score(model.modelDir(), images).writeEmbeddings(
                            artifacts.resolve("embeddings-" + other.key() + ".csv"));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write evaluation files of job " + job.jobId(), e);
                }
            }
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("groupBy", groupBy);
        run.put("splits", details);
        long runId = runs.recordEvaluation(job, model.runId(), evaluations, run,
                List.of(ArtifactOutput.files(ArtifactType.EMBEDDINGS, artifacts)));
        SplitEvaluation last = evaluations.get(evaluations.size() - 1);
        return new StepOutcome(runId, String.format(Locale.ROOT,
                "%s: accuracy %.3f, worst-group accuracy %.3f (%s)", last.split(), last.accuracy(),
                last.worstGroupAccuracy(), last.worstGroup()));
    }

    private static void write(ScoredSamples scored, ClassificationReport classes, Path folder, String split) {
        try {
            scored.writeEmbeddings(folder.resolve("embeddings-" + split + ".csv"));
            ScoredSamples.writeErrors(folder.resolve("errors-" + split + ".csv"), classes.errors());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write evaluation files to " + folder, e);
        }
    }

    private static String groupOf(LabeledImage image, StepData data) {
        return image.groupKey(data.classNames());
    }

    private static double trainWeighted(EvaluationReport report, Map<String, Integer> trainGroups) {
        try {
            return GroupMetrics.trainWeightedAccuracy(report, trainGroups);
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    private static SplitEvaluation toSplit(String split, List<String> groupBy, EvaluationReport r) {
        return new SplitEvaluation(split, r.n(), r.accuracy(), r.worstGroupAccuracy(), r.worstGroup(),
                r.worstGroupCiLow(), r.worstGroupCiHigh(), r.averageGroupAccuracy(), r.gap(), String.join(",", groupBy),
                r.groups().stream().map(g -> new GroupResult(g.group(), g.n(), g.correct(), g.accuracy(),
                        g.tooSmall())).toList());
    }
}
