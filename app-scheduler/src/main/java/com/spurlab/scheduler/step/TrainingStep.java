package com.spurlab.scheduler.step;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.experiment.JobContext;
import com.spurlab.core.run.RunService;
import com.spurlab.core.storage.StorageSettings;
import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.train.ClassifierTrainer;
import com.spurlab.inference.train.TrainingMethod;
import com.spurlab.inference.train.TrainingResult;
import com.spurlab.inference.train.TrainingSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** TRAIN: trains a classifier on the version's train split (selected on val) and records the model. */
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
                Long.parseLong(p.get("seed")));
        Path modelDir = storage.models().resolve("job-" + job.jobId());
        TrainingResult result = trainer.train(settings, train, data.split("val"), modelDir, progress);
        String details = String.format(Locale.ROOT,
                "{\"epochs\":%d,\"imagesPerSecond\":%.1f,\"finalLoss\":%.4f,\"validationAccuracy\":%.4f,\"device\":\"%s\"}",
                result.epochsCompleted(), result.imagesPerSecond(), result.finalLoss(), result.validationAccuracy(),
                result.device());
        long runId = runs.recordTraining(job, settings.method().name(), modelDir, details);
        return new StepOutcome(runId, String.format(Locale.ROOT,
                "trained %s: %d epochs, %.0f images/s on %s, val accuracy %.3f", settings.method(),
                result.epochsCompleted(), result.imagesPerSecond(), result.device(), result.validationAccuracy()));
    }
}
