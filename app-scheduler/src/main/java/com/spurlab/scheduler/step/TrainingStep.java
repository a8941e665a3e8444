package com.spurlab.scheduler.step;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.Json;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.experiment.JobContext;
import com.spurlab.core.run.RunService;
import com.spurlab.core.storage.StorageSettings;
import com.spurlab.inference.data.Augmentation;
import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.model.ClassifierNetwork;
import com.spurlab.inference.train.MethodOptions;
import com.spurlab.inference.train.ModelSelection;
import com.spurlab.inference.train.ClassifierTrainer;
import com.spurlab.inference.train.TrainingMethod;
import com.spurlab.inference.train.TrainingResult;
import com.spurlab.inference.train.TrainingSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** TRAIN: trains a classifier with the planned method and network on the train split (selected on val), records the model. */
@Component
class TrainingStep {

    private final DatasetService datasets;
    private final RunService runs;
    private final StorageSettings storage;
    private final ClassifierTrainer trainer = new ClassifierTrainer();

    TrainingStep(DatasetService datasets, RunService runs, StorageSettings storage) {
        this.datasets = datasets;
        this.runs = runs;
        this.storage = storage;
    }

    StepOutcome run(JobContext job, JobProgress progress) {
        Map<String, String> p = job.params();
        StepData data = StepData.of(datasets.samplesForJob(job.datasetVersionId()), p.get("groupBy"));
        List<LabeledImage> train = data.split("train");
        if (train.isEmpty()) {
            throw new InvalidRequestException("no_train_split", "the dataset version has no train samples");
        }
        TrainingSettings settings = new TrainingSettings(TrainingMethod.valueOf(p.get("method")), data.classNames(),
                Integer.parseInt(p.get("imageSize")), Integer.parseInt(p.get("epochs")),
                Integer.parseInt(p.get("batchSize")), Float.parseFloat(p.get("learningRate")),
                Long.parseLong(p.get("seed")), options(p));
        if (settings.method() == TrainingMethod.DFR && data.split("val").isEmpty()) {
            throw new InvalidRequestException("no_val_split", "DFR retrains the last layer on the val split, and this"
                    + " dataset version has no val samples; add some or choose another method");
        }
        // One folder per job: a job re-run after its process died finds its checkpoints there and resumes.
        Path modelDir = storage.models().resolve("job-" + job.jobId());
        TrainingResult result = trainer.train(settings, train, data.split("val"), modelDir, progress);
        long runId = runs.recordTraining(job, settings.method().name(), modelDir,
                details(result, settings.options().network()));
        return new StepOutcome(runId, String.format(Locale.ROOT,
                "trained %s %s: %d epochs%s, kept epoch %d, %.0f images/s on %s, val accuracy %.3f", settings.method(),
                settings.options().network(), result.epochsCompleted(),
                result.resumedFromEpoch() > 0 ? " (resumed after epoch " + result.resumedFromEpoch() + ")" : "",
                result.selectedEpoch(), result.imagesPerSecond(), result.device(), result.validationAccuracy()));
    }

    /**
     * The training run's details as JSON. A figure that does not exist (no val split: NaN) is null, never
     * NaN, which JSON has no word for; {@code validationUsedForFitting} says that the model was fitted on
     * val (DFR), so val figures measured later are in-sample.
     */
    static String details(TrainingResult result, ClassifierNetwork network) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("epochs", result.epochsCompleted());
        json.put("imagesPerSecond", finite(Math.round(result.imagesPerSecond() * 10) / 10.0));
        json.put("finalLoss", finite(result.finalLoss()));
        json.put("validationAccuracy", finite(result.validationAccuracy()));
        json.put("device", result.device());
        json.put("model", network.name());
        json.put("selectedEpoch", result.selectedEpoch());
        json.put("resumedFromEpoch", result.resumedFromEpoch());
        json.put("validationWorstGroupAccuracy", finite(result.validationWorstGroupAccuracy()));
        json.put("validationUsedForFitting", result.validationUsedForFitting());
        return Json.write(json);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** The robust-training parameters, already checked by core's StepParams when the step was planned. */
    private static MethodOptions options(Map<String, String> p) {
        MethodOptions d = MethodOptions.defaults();
        return new MethodOptions(
                p.containsKey("model") ? ClassifierNetwork.parse(p.get("model")) : d.network(),
                Augmentation.parse(p.getOrDefault("augmentation", "none")),
                p.containsKey("groupDroEta") ? Double.parseDouble(p.get("groupDroEta")) : d.groupDroEta(),
                p.containsKey("jttEpochs") ? Integer.parseInt(p.get("jttEpochs")) : d.jttEpochs(),
                p.containsKey("jttUpweight") ? Double.parseDouble(p.get("jttUpweight")) : d.jttUpweight(),
                p.containsKey("selection") ? ModelSelection.valueOf(p.get("selection")) : d.selection(),
                p.containsKey("patience") ? Integer.parseInt(p.get("patience")) : d.patience(),
                d.cosineSchedule());
    }
}
