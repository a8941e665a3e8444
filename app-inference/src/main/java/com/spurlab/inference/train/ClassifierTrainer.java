package com.spurlab.inference.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.spurlab.inference.data.DecodedImages;
import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.model.ModelMetadata;
import com.spurlab.inference.model.SmallCnn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Trains the {@link SmallCnn} on labelled images and saves it where {@code ClassifierEvaluator} can load it. */
public final class ClassifierTrainer {

    private static final Logger log = LoggerFactory.getLogger(ClassifierTrainer.class);
    private static final String MODEL_NAME = "spurlab-classifier";

    public ClassifierTrainer() {
    }

    /**
     * Trains a small CNN (3 conv blocks + 2 linear, input 3 x imageSize x imageSize, RGB) and saves
     * DJL parameters plus {@link ModelMetadata} into {@code modelDir}. Deterministic given the seed as
     * far as PyTorch on CPU allows: the engine is seeded and batches are shuffled with
     * {@code new Random(seed)}. Runs on the engine's default device (a GPU when DJL sees one).
     *
     * @param validation may be empty; then {@link TrainingResult#validationAccuracy()} is NaN
     * @throws IllegalArgumentException   when training is empty or a label is outside the class names
     * @throws TrainingCancelledException when {@code progress} asks to stop; nothing is saved then
     * @throws UncheckedIOException       when an image cannot be read or the model cannot be written
     */
    public TrainingResult train(TrainingSettings settings, List<LabeledImage> train, List<LabeledImage> validation,
            Path modelDir, TrainingProgress progress) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(modelDir, "modelDir");
        if (train == null || train.isEmpty()) {
            throw new IllegalArgumentException("the training set is empty: give at least one labelled image");
        }
        List<LabeledImage> val = validation == null ? List.of() : validation;
        requireLabels(train, settings, "training");
        requireLabels(val, settings, "validation");
        TrainingProgress listener = progress == null ? TrainingProgress.NONE : progress;

        Engine engine = Engine.getInstance();
        // DJL takes an int seed; folding keeps every bit of the long seed relevant.
        engine.setRandomSeed(Long.hashCode(settings.seed()));
        Device device = engine.defaultDevice();
        log.info("training {} on {}: {} train / {} validation images, {} classes, {} px, {} epochs",
                settings.method(), device, train.size(), val.size(), settings.classNames().size(), settings.imageSize(),
                settings.epochs());
        DecodedImages trainImages = DecodedImages.decode(train, settings.imageSize());
        DecodedImages valImages = DecodedImages.decode(val, settings.imageSize());

        try (Model model = Model.newInstance(MODEL_NAME, device)) {
            model.setBlock(SmallCnn.build(settings.classNames().size()));
            EpochLoop.Outcome outcome;
            double validationAccuracy;
            try (Trainer trainer = model.newTrainer(config(settings, device))) {
                trainer.initialize(new Shape(1, 3, settings.imageSize(), settings.imageSize()));
                EpochLoop loop = new EpochLoop(trainer, trainImages, settings, new Random(settings.seed()), listener);
                outcome = loop.run();
                validationAccuracy = valImages.size() == 0 ? Double.NaN : loop.accuracy(valImages);
            }
            save(model, settings, modelDir);
            log.info("trained in {} epochs: final loss {}, validation accuracy {}, {} images/s", settings.epochs(),
                    String.format("%.4f", outcome.finalLoss()), String.format("%.4f", validationAccuracy),
                    String.format("%.0f", outcome.imagesPerSecond()));
            return new TrainingResult(modelDir, settings.epochs(), outcome.imagesSeen(), outcome.imagesPerSecond(),
                    outcome.finalLoss(), validationAccuracy, device.toString());
        }
    }

    private static DefaultTrainingConfig config(TrainingSettings settings, Device device) {
        return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(settings.learningRate())).build())
                .optDevices(new Device[] {device});
    }

    private static void save(Model model, TrainingSettings settings, Path modelDir) {
        try {
            Files.createDirectories(modelDir);
            model.save(modelDir, MODEL_NAME);
            new ModelMetadata(MODEL_NAME, SmallCnn.ARCHITECTURE, settings.classNames(), settings.imageSize(),
                    settings.method().name()).write(modelDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model to " + modelDir, e);
        }
    }

    private static void requireLabels(List<LabeledImage> images, TrainingSettings settings, String split) {
        int classes = settings.classNames().size();
        for (LabeledImage image : images) {
            if (image.label() < 0 || image.label() >= classes) {
                throw new IllegalArgumentException(split + " sample " + image.sampleId() + " has label " + image.label()
                        + ", but only labels 0.." + (classes - 1) + " exist for " + settings.classNames());
            }
        }
    }
}
