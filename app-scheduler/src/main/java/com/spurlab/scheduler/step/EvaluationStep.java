package com.spurlab.scheduler.step;

import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.experiment.JobContext;
import com.spurlab.core.run.GroupResult;
import com.spurlab.core.run.RunService;
import com.spurlab.core.run.SplitEvaluation;
import com.spurlab.core.storage.StorageSettings;
import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.eval.EvaluationReport;
import com.spurlab.inference.eval.GroupMetrics;
import com.spurlab.inference.eval.ClassificationMetrics;
import com.spurlab.inference.eval.ClassificationReport;
import com.spurlab.inference.eval.ScoredSamples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * EVALUATE: predicts each requested split with the model of the step before, records per-group metrics,
 * and keeps per-class figures (confusion, precision/recall, ECE, train-weighted accuracy) in the run's
 * details, with the errors and every sample's embedding in CSV files under the data folder.
 */
@Component
class EvaluationStep {

    /** Fixed so that a re-run of the same evaluation gives the same bootstrap interval. */
    static final long BOOTSTRAP_SEED = 20240607L;

    private final DatasetService datasets;
    private final RunService runs;
    private final StorageSettings storage;
    private final ClassifierEvaluator evaluator = new ClassifierEvaluator();

    EvaluationStep(DatasetService datasets, RunService runs, StorageSettings storage) {
        this.datasets = datasets;
        this.runs = runs;
        this.storage = storage;
    }

    StepOutcome run(JobContext job, JobProgress progress) {
        if (job.previousRunId() == null) {
            throw new IllegalStateException("EVALUATE needs the run of the step before it");
        }
        RunService.TrainedModel model = runs.modelBehind(job.previousRunId());
        String groupBy = job.params().get("groupBy");
        StepData data = StepData.of(datasets.samplesForJob(job.datasetVersionId()), groupBy);
        String[] splits = job.params().get("splits").split(",");
        Map<String, Integer> trainGroups = new TreeMap<>();
        data.split("train").forEach(s -> trainGroups.merge(groupOf(s, data), 1, Integer::sum));
        // Later jobs (audits, retrieval, slice discovery) read the errors and embeddings from here.
        Path artifacts = storage.dataDir().resolve("evaluations").resolve("job-" + job.jobId());
        List<SplitEvaluation> evaluations = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (int i = 0; i < splits.length; i++) {
            List<LabeledImage> images = data.split(splits[i]);
            if (images.isEmpty()) {
                continue;
            }
            progress.phase((double) i / splits.length, "evaluating " + splits[i] + " (" + images.size() + " images)");
            ScoredSamples scored = evaluator.score(model.modelDir(), images);
            EvaluationReport report = GroupMetrics.evaluate(scored.predictions(), BOOTSTRAP_SEED);
            evaluations.add(toSplit(splits[i], groupBy, report));
            ClassificationReport classes = ClassificationMetrics.evaluate(scored.predictions(), data.classNames().size());
            Path embeddings = artifacts.resolve("embeddings-" + splits[i] + ".csv");
            Path errors = artifacts.resolve("errors-" + splits[i] + ".csv");
            try {
                scored.writeEmbeddings(embeddings);
                ScoredSamples.writeErrors(errors, classes.errors());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write evaluation files to " + artifacts, e);
            }
            details.add(EvaluationDetails.json(splits[i], data.classNames(), classes, trainWeighted(report, trainGroups),
                    embeddings, errors));
        }
        if (evaluations.isEmpty()) {
            throw new IllegalStateException("none of the splits " + job.params().get("splits") + " has samples");
        }
        // Embeddings of every sample, also of the splits not scored here, for audits and retrieval.
        List<String> scored = List.of(splits);
        for (String split : List.of("train", "val", "test")) {
            List<LabeledImage> images = data.split(split);
            if (!scored.contains(split) && !images.isEmpty()) {
                progress.phase(0.95, "embedding " + split + " (" + images.size() + " images)");
                try {
                    evaluator.score(model.modelDir(), images).writeEmbeddings(artifacts.resolve("embeddings-" + split + ".csv"));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write evaluation files to " + artifacts, e);
                }
            }
        }
        long runId = runs.recordEvaluation(job, model.runId(), evaluations, EvaluationDetails.run(artifacts, details));
        SplitEvaluation last = evaluations.get(evaluations.size() - 1);
        return new StepOutcome(runId, String.format(Locale.ROOT,
                "%s: accuracy %.3f, worst-group accuracy %.3f (%s)", last.split(), last.accuracy(),
                last.worstGroupAccuracy(), last.worstGroup()));
    }

    private static String groupOf(LabeledImage image, StepData data) {
        return image.group() != null ? image.group() : data.classNames().get(image.label());
    }

    private static double trainWeighted(EvaluationReport report, Map<String, Integer> trainGroups) {
        try {
            return GroupMetrics.trainWeightedAccuracy(report, trainGroups);
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    private static SplitEvaluation toSplit(String split, String groupBy, EvaluationReport r) {
        return new SplitEvaluation(split, r.n(), r.accuracy(), r.worstGroupAccuracy(), r.worstGroup(),
                r.worstGroupCiLow(), r.worstGroupCiHigh(), r.averageGroupAccuracy(), r.gap(),
                groupBy == null ? "" : groupBy,
                r.groups().stream().map(g -> new GroupResult(g.group(), g.n(), g.correct(), g.accuracy(),
                        g.tooSmall())).toList());
    }
}
