package com.spurlab.inference.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import com.spurlab.inference.data.BatchQueue;
import com.spurlab.inference.data.DecodedImages;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training phase of one model: shuffled mini-batches of a sampling plan, one Adam step each on
 * the weighted per-sample loss, every batch's arrays in their own sub-manager; after every epoch a
 * validation pass (model selection, early stopping) and a checkpoint. Resumes from a checkpoint of
 * the same phase.
 */
final class EpochLoop {

    private static final Logger log = LoggerFactory.getLogger(EpochLoop.class);

    /**
     * @param epochsRun       epochs completed in this phase, resumed ones included
     * @param resumedFrom     epochs that were already done when this process started the phase; 0 for a fresh start
     * @param selectedEpoch   the epoch whose weights the model now holds
     * @param imagesSeen      training images processed by this process
     * @param imagesPerSecond forward + backward + update throughput, augmentation and batch assembly included
     * @param finalLoss       mean unweighted training loss of the last epoch run
     * @param history         the figures of each epoch this process ran (a resumed phase lacks the earlier ones)
     */
    record Outcome(int epochsRun, int resumedFrom, int selectedEpoch, long imagesSeen, double imagesPerSecond,
            double finalLoss, List<EpochRecord> history) {
    }

    /** What one phase is. {@code plan} gives the training-set indices of an epoch (before shuffling). */
    record Phase(String name, int epochs, int epochOffset, int totalEpochs, IntFunction<int[]> plan, LossWeighting weighting,
            ModelSelection selection, int patience) {
    }

    private final Model model;
    private final Trainer trainer;
    private final LearningRateSchedule schedule;
    private final DecodedImages images;
    private final Validation validation;
    private final TrainingSettings settings;
    private final Checkpoints checkpoints;
    private final TrainingProgress progress;

    EpochLoop(Model model, Trainer trainer, LearningRateSchedule schedule, DecodedImages images, Validation validation,
            TrainingSettings settings, Checkpoints checkpoints, TrainingProgress progress) {
        this.model = model;
        this.trainer = trainer;
        this.schedule = schedule;
        this.images = images;
        this.validation = validation;
        this.settings = settings;
        this.checkpoints = checkpoints;
        this.progress = progress;
    }

    Outcome run(Phase phase, Optional<Checkpoints.State> resume) {
        ModelSelection selection = validation.isEmpty() ? ModelSelection.LAST : phase.selection();
        int startEpoch = 0;
        int stepsDone = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestEpoch = 0;
        String bestDir = "";
        int sinceBest = 0;
        if (resume.isPresent() && resume.get().phase().equals(phase.name())) {
            Checkpoints.State s = resume.get();
            checkpoints.load(model, s.phase() + "-epoch-" + s.epoch());
            phase.weighting().restore(s.weighting());
            startEpoch = s.epoch();
            stepsDone = s.stepsDone();
            bestScore = s.bestScore();
            bestEpoch = s.bestEpoch();
            bestDir = s.bestDir();
            sinceBest = s.sinceBest();
            log.info("resuming phase {} after epoch {} of {} from its checkpoint", phase.name(), startEpoch, phase.epochs());
        }
        schedule.resumeAt(stepsDone);
        progress.onPhase(phase.name(), phase.epochs(), phase.epochOffset());
        List<EpochRecord> history = new ArrayList<>();
        long seen = 0;
        long nanos = 0;
        double epochLoss = Double.NaN;
        int epoch = startEpoch;
        while (epoch < phase.epochs() && !(phase.patience() > 0 && sinceBest >= phase.patience())) {
            epoch++;
            // A generator per (seed, phase, epoch): a resumed epoch draws what an uninterrupted one would.
            Random random = new Random(settings.seed() * 1_000_003L + phase.name().hashCode() * 1009L + epoch);
            int[] order = phase.plan().apply(epoch);
            shuffle(order, random);
            int batchSize = Math.min(settings.batchSize(), order.length);
            int steps = (order.length + batchSize - 1) / batchSize;
            double lossSum = 0;
            long correct = 0;
            int epochSeen = 0;
            long start = System.nanoTime();
            // The queue's thread owns the generator now: it draws the augmentation batch by batch, in order.
            try (BatchQueue batches = new BatchQueue(steps, batchSize, images.imageSize(),
                    (b, target) -> fill(target, slice(order, b, batchSize), random), "spurlab-batches")) {
                for (int step = 1; step <= steps; step++) {
                    if (progress.cancelled()) {
                        throw new TrainingCancelledException(phase.epochOffset() + epoch, step);
                    }
                    int[] batch = slice(order, step - 1, batchSize);
                    BatchQueue.Batch pixels = next(batches, phase.epochOffset() + epoch, step);
                    float[] result = step(batch, pixels, phase.weighting());
                    batches.recycle(pixels);
                    lossSum += result[0] * batch.length;
                    correct += (long) result[1];
                    epochSeen += batch.length;
                    stepsDone++;
                    progress.onProgress(phase.epochOffset() + epoch, phase.totalEpochs(), step, steps, result[0],
                            (double) correct / epochSeen);
                }
            }
            nanos += System.nanoTime() - start;
            seen += epochSeen;
            epochLoss = lossSum / epochSeen;
            String scoreText = "";
            Validation.Score score = new Validation.Score(Double.NaN, Double.NaN);
            if (selection != ModelSelection.LAST) {
                score = validation.score(model);
                double value = selection == ModelSelection.WORST_GROUP ? score.worstGroup() + 1e-3 * score.accuracy()
                        : score.accuracy();
                scoreText = String.format(", val accuracy %.4f, val worst-group %.4f", score.accuracy(), score.worstGroup());
                if (value > bestScore) {
                    bestScore = value;
                    bestEpoch = epoch;
                    bestDir = checkpoints.saveBest(model, phase.name(), epoch);
                    sinceBest = 0;
                } else {
                    sinceBest++;
                }
            }
            history.add(new EpochRecord(phase.name(), epoch, epochLoss, (double) correct / epochSeen, score.accuracy(),
                    score.worstGroup()));
            checkpoints.save(model, new Checkpoints.State(phase.name(), epoch, stepsDone, bestScore, bestEpoch, bestDir,
                    sinceBest, phase.weighting().state()));
            log.info("{} epoch {}/{}: loss {}, train accuracy {}{}", phase.name(), epoch, phase.epochs(),
                    String.format("%.4f", epochLoss), String.format("%.4f", (double) correct / epochSeen), scoreText);
        }
        int selected = epoch;
        if (selection != ModelSelection.LAST && bestEpoch > 0 && bestEpoch != epoch) {
            checkpoints.load(model, bestDir);
            selected = bestEpoch;
        }
        return new Outcome(epoch, startEpoch, selected, seen, nanos == 0 ? 0 : seen / (nanos / 1e9), epochLoss,
                List.copyOf(history));
    }

    private static int[] slice(int[] order, int batch, int batchSize) {
        return Arrays.copyOfRange(order, batch * batchSize, Math.min((batch + 1) * batchSize, order.length));
    }

    private int fill(ByteBuffer target, int[] batch, Random random) {
        images.fill(target, batch, settings.options().augmentation(), random);
        return batch.length;
    }

    private static BatchQueue.Batch next(BatchQueue batches, int epoch, int step) {
        try {
            return batches.next();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrainingCancelledException(epoch, step);
        }
    }

    /**
     * One optimiser step; returns {mean unweighted loss, correct predictions}. The batch's buffer is free
     * again when this returns: the arrays reading it are closed with the step's scope.
     */
    private float[] step(int[] batch, BatchQueue.Batch pixels, LossWeighting weighting) {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDArray x = DecodedImages.wrap(scope, pixels.pixels(), batch.length, images.imageSize());
            NDArray y = images.labels(scope, batch);
            NDArray logits;
            float[] losses;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                logits = trainer.forward(new NDList(x)).singletonOrThrow();
                NDArray perSample = logits.logSoftmax(1).mul(y.oneHot(settings.classNames().size())).sum(new int[] {1}).neg();
                losses = perSample.toFloatArray();
                NDArray w = scope.create(weighting.weights(batch, losses));
                collector.backward(perSample.mul(w).sum());
            }
            trainer.step();
            float mean = 0;
            for (float l : losses) {
                mean += l;
            }
            return new float[] {mean / losses.length, Validation.countCorrect(logits, y)};
        }
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
