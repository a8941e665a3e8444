package com.spurlab.scheduler.step;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.run.ArtifactOutput;
import com.spurlab.core.run.RunService;
import com.spurlab.core.step.ArtifactType;
import com.spurlab.core.step.PlanContext;
import com.spurlab.core.step.Step;
import com.spurlab.core.step.StepExecution;
import com.spurlab.core.step.StepOutcome;
import com.spurlab.core.step.StepResources;
import com.spurlab.inference.data.Augmentation;
import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.train.ClassifierTrainer;
import com.spurlab.inference.train.EpochRecord;
import com.spurlab.inference.train.MethodOptions;
import com.spurlab.inference.train.TrainingMethod;
import com.spurlab.inference.train.TrainingResult;
import com.spurlab.inference.train.TrainingSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** TRAIN: trains a classifier with the planned method and network on the train split (selected on val), records the model. */
@Component
@Order(10)
class TrainingStep implements Step<TrainParams> {

    /** Methods that weigh or balance groups, so they need group labels from {@code groupBy}; JTT and ERM do not. */
    private static final Set<TrainingMethod> GROUP_METHODS = Set.of(TrainingMethod.REWEIGHT, TrainingMethod.GROUP_DRO,
            TrainingMethod.DFR);

    private final DatasetService datasets;
    private final RunService runs;
    private final ClassifierTrainer trainer = new ClassifierTrainer();

    TrainingStep(DatasetService datasets, RunService runs) {
        this.datasets = datasets;
        this.runs = runs;
    }

    @Override
    public String type() {
        return "TRAIN";
    }

    @Override
    public Class<TrainParams> parameters() {
        return TrainParams.class;
    }

    @Override
    public String description() {
        return "Trains a classifier on the train split with the chosen method, keeping the epoch chosen on val.";
    }

    @Override
    public Set<ArtifactType> needs() {
        return Set.of(ArtifactType.DATASET_VERSION);
    }

    @Override
    public Set<ArtifactType> produces() {
        return Set.of(ArtifactType.MODEL);
    }

    @Override
    public StepResources resources(TrainParams params) {
        return StepResources.TRAINING;
    }

    @Override
    public TrainParams prepare(TrainParams p, PlanContext plan) {
        List<String> groupBy = GroupBy.resolve(p.groupBy(), plan, plan.strongestSuspectedCue().map(List::of)
                .orElse(List.of()));
        if (GROUP_METHODS.contains(p.method()) && groupBy.isEmpty()) {
            throw plan.invalid("method " + p.method() + " balances groups, so it needs groupBy to name at least one "
                    + "attribute " + (plan.attributes().isEmpty() ? "but the dataset has none; use ERM or JTT"
                    : "from " + plan.attributes()));
        }
        if (p.method() == TrainingMethod.DFR && !plan.derivedUpstream() && !plan.hasSplit("val")) {
            throw plan.invalid("DFR retrains the last layer on the val split, and dataset version "
                    + plan.dataset().id() + " has no val samples; add some or choose another method");
        }
        try {
            Augmentation augmentation = Augmentation.parse(p.augmentation());
            if (augmentation.cropPadding() * 4 > p.imageSize()) {
                throw plan.invalid("augmentation crop=" + augmentation.cropPadding() + " is more than a quarter of"
                        + " imageSize " + p.imageSize() + "; use at most crop=" + p.imageSize() / 4);
            }
        } catch (IllegalArgumentException e) {
            throw plan.invalid("augmentation " + e.getMessage());
        }
        return p.withGroupBy(groupBy);
    }

    @Override
    public StepOutcome run(StepExecution<TrainParams> job) {
        TrainParams p = job.params();
        StepData data = StepData.of(datasets.samplesForJob(job.datasetVersionId()), p.groupBy());
        data.requireGroupAttributes(job.datasetVersionId());
        List<LabeledImage> train = data.split("train");
        if (train.isEmpty()) {
            throw new InvalidRequestException("no_train_split", "dataset version " + job.datasetVersionId()
                    + " has no train samples");
        }
        if (p.method() == TrainingMethod.DFR && data.split("val").isEmpty()) {
            throw new InvalidRequestException("no_val_split", "DFR retrains the last layer on the val split, and"
                    + " dataset version " + job.datasetVersionId() + " has no val samples");
        }
        MethodOptions d = MethodOptions.defaults();
        TrainingSettings settings = new TrainingSettings(p.method(), data.classNames(), p.imageSize(), p.epochs(),
                p.batchSize(), p.learningRate().floatValue(), p.seed(), new MethodOptions(p.model(),
                Augmentation.parse(p.augmentation()), p.groupDroEta(), p.jttEpochs(), p.jttUpweight(), p.selection(),
                p.patience(), d.cosineSchedule()));
        // The job's own folder: a job re-run after its process died finds its checkpoints there and resumes.
        Path modelDir = job.folder().resolve("model");
        TrainingResult result = trainer.train(settings, train, data.split("val"), modelDir, JobProgress.training(job.progress()));
        long runId = runs.record(job, type(), p.method().name(), null, details(result, p),
                List.of(ArtifactOutput.files(ArtifactType.MODEL, modelDir)));
        return new StepOutcome(runId, String.format(Locale.ROOT,
                "trained %s %s: %d epochs%s, kept epoch %d, %.0f images/s on %s, val accuracy %.3f", p.method(),
                p.model(), result.epochsCompleted(),
                result.resumedFromEpoch() > 0 ? " (resumed after epoch " + result.resumedFromEpoch() + ")" : "",
                result.selectedEpoch(), result.imagesPerSecond(), result.device(), result.validationAccuracy()));
    }

    /**
     * The training run's details. {@code validationUsedForFitting}: the model was fitted on val (DFR's head), so
     * its val figures measured later are in-sample; its validation figures here are on the half it was not fitted on.
     */
    static Map<String, Object> details(TrainingResult result, TrainParams p) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("epochs", result.epochsCompleted());
        details.put("imagesPerSecond", result.imagesPerSecond());
        details.put("finalLoss", finite(result.finalLoss()));
        details.put("validationAccuracy", finite(result.validationAccuracy()));
        details.put("validationWorstGroupAccuracy", finite(result.validationWorstGroupAccuracy()));
        details.put("validationUsedForFitting", result.validationUsedForFitting());
        details.put("device", result.device());
        details.put("model", p.model().name());
        details.put("selectedEpoch", result.selectedEpoch());
        details.put("resumedFromEpoch", result.resumedFromEpoch());
        details.put("groupBy", p.groupBy());
        details.put("history", result.history().stream().map(TrainingStep::epoch).toList());
        return details;
    }

    /** One learning-curve point of the run's details (JTT's identification epochs carry phase "identify"). */
    private static Map<String, Object> epoch(EpochRecord r) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("phase", r.phase());
        point.put("epoch", r.epoch());
        point.put("trainLoss", finite(r.trainLoss()));
        point.put("trainAccuracy", finite(r.trainAccuracy()));
        point.put("validationAccuracy", finite(r.validationAccuracy()));
        point.put("validationWorstGroupAccuracy", finite(r.validationWorstGroupAccuracy()));
        return point;
    }

    /** JSON has no NaN (a training without val has no validation figures): null instead. */
    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
