package com.spurlab.inference.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import com.spurlab.inference.data.DecodedImages;
import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.engine.NativeRuntime;
import com.spurlab.inference.model.ModelMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link com.spurlab.inference.model.ClassifierNetwork} with one of the {@link TrainingMethod}s
 * and saves it where {@code ClassifierEvaluator} can load it. Checkpoints every epoch under
 * {@code modelDir/checkpoints}; called again with the same settings, data and folder after the
 * process died, it resumes from the last checkpoint instead of starting over.
 */
public final class ClassifierTrainer {

    private static final Logger log = LoggerFactory.getLogger(ClassifierTrainer.class);
    private static final String MODEL_NAME = "spurlab-classifier";
    private static final String IDENTIFY = "identify";
    private static final String MAIN = "main";
    private static final String JTT_ERRORS = "jtt-errors.csv";

    public ClassifierTrainer() {
    }

    /**
     * Trains and saves DJL parameters plus {@link ModelMetadata} into {@code modelDir}. Deterministic
     * given the seed as far as PyTorch on CPU allows: the engine is seeded, and every epoch's shuffling
     * and augmentation come from a generator seeded by (seed, phase, epoch). Runs on the engine's
     * default device (a GPU when DJL sees one).
     *
     * @param validation may be empty; then selection falls back to the last epoch, {@link TrainingResult#validationAccuracy()}
     *                   is NaN, and DFR is refused
     * @throws IllegalArgumentException   when training is empty, a label is outside the class names, or DFR has no validation data
     * @throws TrainingCancelledException when {@code progress} asks to stop; the last checkpoint stays for a resume
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
        if (settings.method() == TrainingMethod.DFR && val.isEmpty()) {
            throw new IllegalArgumentException("DFR retrains the last layer on the validation split, which is empty;"
                    + " give the dataset val samples or choose another method");
        }
        TrainingProgress listener = progress == null ? TrainingProgress.NONE : progress;
        // One training at a time per process: see TrainingEngine.
        try (TrainingEngine.Lease engine = TrainingEngine.acquire(listener)) {
            return trainAlone(settings, train, val, modelDir, listener);
        }
    }

    private TrainingResult trainAlone(TrainingSettings settings, List<LabeledImage> train, List<LabeledImage> val,
            Path modelDir, TrainingProgress listener) {

        NativeRuntime.prepare();
        Engine engine = Engine.getInstance();
        // DJL takes an int seed; folding keeps every bit of the long seed relevant.
        engine.setRandomSeed(Long.hashCode(settings.seed()));
        Device device = engine.defaultDevice();
        log.info("training {} {} on {}: {} train / {} validation images, {} classes, {} px, {} epochs",
                settings.options().network(), settings.method(), device, train.size(), val.size(),
                settings.classNames().size(), settings.imageSize(), settings.epochs());
        DecodedImages trainImages = DecodedImages.decode(train, settings.imageSize());
        DecodedImages valImages = DecodedImages.decode(val, settings.imageSize());
        GroupIndex trainGroups = GroupIndex.of(train, settings.classNames());
        GroupIndex valGroups = GroupIndex.of(val, settings.classNames());
        Validation validator = new Validation(valImages, valGroups);
        Checkpoints checkpoints = new Checkpoints(modelDir.resolve("checkpoints"),
                TrainingFingerprint.of(settings, train, val), MODEL_NAME);
        Optional<Checkpoints.State> resume = checkpoints.latest();
        int offset = settings.method() == TrainingMethod.JTT ? settings.options().jttEpochs() : 0;
        int total = offset + settings.epochs();
        int resumedFrom = resume.map(s -> (s.phase().equals(MAIN) ? offset : 0) + s.epoch()).orElse(0);

        long imagesSeen = 0;
        double identifySeconds = 0;
        List<EpochRecord> identifyHistory = List.of();
        int[] plan = IntStream.range(0, trainImages.size()).toArray();
        if (settings.method() == TrainingMethod.JTT) {
            int[] errors;
            if (resume.isPresent() && resume.get().phase().equals(MAIN)) {
                errors = checkpoints.readInts(JTT_ERRORS);
            } else {
                EpochLoop.Phase identify = new EpochLoop.Phase(IDENTIFY, offset, 0, total, e -> plan.clone(),
                        LossWeighting.mean(), ModelSelection.LAST, 0);
                try (Model model = newModel(settings, device)) {
                    Trained t = runPhase(model, identify, trainImages, validator, settings, checkpoints, listener, resume);
                    imagesSeen += t.outcome().imagesSeen();
                    identifySeconds = t.outcome().imagesSeen() / Math.max(1e-9, t.outcome().imagesPerSecond());
                    identifyHistory = t.outcome().history();
                    errors = t.errors(trainImages);
                }
                checkpoints.writeInts(JTT_ERRORS, errors);
                resume = Optional.empty();
            }
            log.info("JTT: the identification model misclassifies {} of {} training images; each is sampled {} times",
                    errors.length, trainImages.size(), settings.options().jttTimes());
            int[] upsampled = upsample(plan, errors, settings.options().jttTimes());
            return finish(settings, modelDir, device, trainImages, valImages, valGroups, validator, checkpoints, listener,
                    resume, new EpochLoop.Phase(MAIN, settings.epochs(), offset, total, e -> upsampled.clone(),
                            LossWeighting.mean(), settings.options().selection(), settings.options().patience()),
                    resumedFrom, imagesSeen, identifySeconds, identifyHistory);
        }
        if (settings.method() == TrainingMethod.REWEIGHT) {
            // Group-balanced sampling (the sampling form of reweighting, Idrissi et al. 2022): each epoch draws as
            // many images as the set holds, every group equally often, and the loss is a plain mean. Weighting the
            // loss instead (weights N / (G n_g), up to 19x on a 95 % cue) let a few rare images dominate a batch's
            // gradient, and one of three seeds stayed at chance on the stamped-word set.
            IntFunction<int[]> balanced = e -> trainGroups.balancedDraw(plan.length, new Random(settings.seed() * 1_000_003L + e));
            return finish(settings, modelDir, device, trainImages, valImages, valGroups, validator, checkpoints, listener, resume,
                    new EpochLoop.Phase(MAIN, settings.epochs(), 0, total, balanced, LossWeighting.mean(),
                            settings.options().selection(), settings.options().patience()), resumedFrom, 0, 0, List.of());
        }
        LossWeighting weighting = switch (settings.method()) {
            case GROUP_DRO -> LossWeighting.groupDro(trainGroups, settings.options().groupDroEta());
            default -> LossWeighting.mean();
        };
        // DFR's base is plain ERM kept by validation accuracy: the group-balanced validation data is for the head.
        ModelSelection selection = settings.method() == TrainingMethod.DFR && settings.options().selection() != ModelSelection.LAST
                ? ModelSelection.ACCURACY : settings.options().selection();
        return finish(settings, modelDir, device, trainImages, valImages, valGroups, validator, checkpoints, listener, resume,
                new EpochLoop.Phase(MAIN, settings.epochs(), 0, total, e -> plan.clone(), weighting, selection,
                        settings.options().patience()), resumedFrom, 0, 0, List.of());
    }

    private TrainingResult finish(TrainingSettings settings, Path modelDir, Device device, DecodedImages trainImages,
            DecodedImages valImages, GroupIndex valGroups, Validation validator, Checkpoints checkpoints,
            TrainingProgress listener, Optional<Checkpoints.State> resume, EpochLoop.Phase phase, int resumedFrom,
            long earlierImages, double earlierSeconds, List<EpochRecord> earlierHistory) {
        try (Model model = newModel(settings, device)) {
            Trained t = runPhase(model, phase, trainImages, validator, settings, checkpoints, listener, resume);
            Validation.Score score;
            if (settings.method() == TrainingMethod.DFR) {
                LastLayerRetraining.Result dfr = LastLayerRetraining.retrain(model, valImages, valGroups,
                        settings.classNames().size(), settings.seed());
                log.info("DFR: L2 penalty {} chosen on {} held-out validation images for heads fitted on group-balanced"
                                + " embeddings of the other {} (held-out worst-group accuracy {}), last layer refitted"
                                + " with it on the whole split ({} head fits short of convergence)", dfr.penalty(),
                        dfr.heldOut(), dfr.fitted(),
                        String.format("%.4f", dfr.heldOutWorstGroup()), dfr.unconverged());
                score = new Validation.Score(dfr.heldOutAccuracy(), dfr.heldOutWorstGroup());
            } else {
                score = validator.isEmpty() ? new Validation.Score(Double.NaN, Double.NaN) : t.score(validator);
            }
            save(model, settings, modelDir);
            checkpoints.clear();
            EpochLoop.Outcome o = t.outcome();
            long seen = earlierImages + o.imagesSeen();
            double seconds = earlierSeconds + o.imagesSeen() / Math.max(1e-9, o.imagesPerSecond());
            double throughput = seen == 0 ? 0 : seen / seconds;
            log.info("trained {} epochs (kept epoch {}): final loss {}, validation accuracy {}, worst-group {}, {} images/s",
                    o.epochsRun(), o.selectedEpoch(), String.format("%.4f", o.finalLoss()),
                    String.format("%.4f", score.accuracy()), String.format("%.4f", score.worstGroup()),
                    String.format("%.0f", throughput));
            return new TrainingResult(modelDir, o.epochsRun(), seen, throughput, o.finalLoss(), score.accuracy(),
                    device.toString(), resumedFrom, o.selectedEpoch(), score.worstGroup(),
                    settings.method().fitsOnValidation(),
                    java.util.stream.Stream.concat(earlierHistory.stream(), o.history().stream()).toList());
        }
    }

    /** A model after a phase. */
    private record Trained(EpochLoop.Outcome outcome, Model model) {
        int[] errors(DecodedImages images) {
            int[] predicted = Validation.predict(model, images);
            return IntStream.range(0, images.size()).filter(i -> predicted[i] != images.label(i)).toArray();
        }

        Validation.Score score(Validation validation) {
            return validation.score(model);
        }
    }

    private Trained runPhase(Model model, EpochLoop.Phase phase, DecodedImages images, Validation validation,
            TrainingSettings settings, Checkpoints checkpoints, TrainingProgress listener,
            Optional<Checkpoints.State> resume) {
        int batch = Math.min(settings.batchSize(), phase.plan().apply(1).length);
        int steps = phase.epochs() * ((phase.plan().apply(1).length + batch - 1) / batch);
        LearningRateSchedule schedule = new LearningRateSchedule(settings.learningRate(), steps,
                settings.options().cosineSchedule());
        // GroupDRO and JTT's retraining need strong L2 to help the worst group; JTT's identification phase is plain ERM.
        boolean regularised = settings.method() == TrainingMethod.GROUP_DRO
                || settings.method() == TrainingMethod.JTT && phase.name().equals(MAIN);
        float weightDecay = regularised ? (float) settings.options().weightDecay() : 0f;
        try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(schedule).optWeightDecays(weightDecay).build())
                .optDevices(new Device[] {model.getNDManager().getDevice()}))) {
            trainer.initialize(new Shape(1, 3, settings.imageSize(), settings.imageSize()));
            EpochLoop loop = new EpochLoop(model, trainer, schedule, images, validation, settings, checkpoints, listener);
            return new Trained(loop.run(phase, resume), model);
        }
    }

    private static Model newModel(TrainingSettings settings, Device device) {
        Model model = Model.newInstance(MODEL_NAME, device);
        model.setBlock(settings.options().network().build(settings.classNames().size()));
        return model;
    }

    /** The plan with every error index repeated {@code times} in all (JTT's up-sampling by lambda). */
    static int[] upsample(int[] plan, int[] errors, int times) {
        int[] out = Arrays.copyOf(plan, plan.length + errors.length * (times - 1));
        int at = plan.length;
        for (int e : errors) {
            for (int r = 1; r < times; r++) {
                out[at++] = e;
            }
        }
        return out;
    }

    private static void save(Model model, TrainingSettings settings, Path modelDir) {
        try {
            Files.createDirectories(modelDir);
            model.save(modelDir, MODEL_NAME);
            new ModelMetadata(MODEL_NAME, settings.options().network().architecture(), settings.classNames(),
                    settings.imageSize(), settings.method().name()).write(modelDir);
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
