package com.spurlab.scheduler.step;

import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.experiment.JobContext;
import com.spurlab.core.run.GroupResult;
import com.spurlab.core.run.RunService;
import com.spurlab.core.run.SplitEvaluation;
import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.eval.EvaluationReport;
import com.spurlab.inference.eval.GroupMetrics;
import com.spurlab.inference.eval.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** EVALUATE: predicts each requested split with the model of the step before, records per-group metrics. */
@Component
class EvaluationStep {

    /** Fixed so that a re-run of the same evaluation gives the same bootstrap interval. */
    static final long BOOTSTRAP_SEED = 20240607L;

    private final DatasetService datasets;
    private final RunService runs;
    private final ClassifierEvaluator evaluator = new ClassifierEvaluator();

    EvaluationStep(DatasetService datasets, RunService runs) {
        this.datasets = datasets;
        this.runs = runs;
    }

    StepOutcome run(JobContext job, JobProgress progress) {
        if (job.previousRunId() == null) {
            throw new IllegalStateException("EVALUATE needs the run of the step before it");
        }
        RunService.TrainedModel model = runs.modelBehind(job.previousRunId());
        String groupBy = job.params().get("groupBy");
        StepData data = StepData.of(datasets.samplesForJob(job.datasetVersionId()), groupBy);
        String[] splits = job.params().get("splits").split(",");
        List<SplitEvaluation> evaluations = new ArrayList<>();
        for (int i = 0; i < splits.length; i++) {
            List<LabeledImage> images = data.split(splits[i]);
            if (images.isEmpty()) {
                continue;
            }
            progress.phase((double) i / splits.length, "evaluating " + splits[i] + " (" + images.size() + " images)");
            List<Prediction> predictions = evaluator.predict(model.modelDir(), images);
            evaluations.add(toSplit(splits[i], groupBy, GroupMetrics.evaluate(predictions, BOOTSTRAP_SEED)));
        }
        if (evaluations.isEmpty()) {
            throw new IllegalStateException("none of the splits " + job.params().get("splits") + " has samples");
        }
        long runId = runs.recordEvaluation(job, model.runId(), evaluations);
        SplitEvaluation last = evaluations.get(evaluations.size() - 1);
        return new StepOutcome(runId, String.format(Locale.ROOT,
                "%s: accuracy %.3f, worst-group accuracy %.3f (%s)", last.split(), last.accuracy(),
                last.worstGroupAccuracy(), last.worstGroup()));
    }

    private static SplitEvaluation toSplit(String split, String groupBy, EvaluationReport r) {
        return new SplitEvaluation(split, r.n(), r.accuracy(), r.worstGroupAccuracy(), r.worstGroup(),
                r.worstGroupCiLow(), r.worstGroupCiHigh(), r.averageGroupAccuracy(), r.gap(),
                groupBy == null ? "" : groupBy,
                r.groups().stream().map(g -> new GroupResult(g.group(), g.n(), g.correct(), g.accuracy(),
                        g.tooSmall())).toList());
    }
}
