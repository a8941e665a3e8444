package com.spurlab.inference.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import com.spurlab.inference.data.DecodedImages;
import java.util.Arrays;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ERM loop: shuffled mini-batches, one Adam step each, every batch's arrays in its own sub-manager. */
final class EpochLoop {

    private static final Logger log = LoggerFactory.getLogger(EpochLoop.class);
    private static final int EVAL_BATCH = 256;

    record Outcome(long imagesSeen, double imagesPerSecond, double finalLoss) {
    }

    private final Trainer trainer;
    private final DecodedImages images;
    private final TrainingSettings settings;
    private final Random random;
    private final TrainingProgress progress;

    EpochLoop(Trainer trainer, DecodedImages images, TrainingSettings settings, Random random, TrainingProgress progress) {
        this.trainer = trainer;
        this.images = images;
        this.settings = settings;
        this.random = random;
        this.progress = progress;
    }

    Outcome run() {
        int n = images.size();
        int batchSize = Math.min(settings.batchSize(), n);
        int steps = (n + batchSize - 1) / batchSize;
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        long seen = 0;
        long nanos = 0;
        double epochLoss = Double.NaN;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            shuffle(order);
            double lossSum = 0;
            long correct = 0;
            int epochSeen = 0;
            for (int step = 1; step <= steps; step++) {
                if (progress.cancelled()) {
                    throw new TrainingCancelledException(epoch, step);
                }
                int[] batch = Arrays.copyOfRange(order, (step - 1) * batchSize, Math.min(step * batchSize, n));
                long start = System.nanoTime();
                StepOutcome outcome = step(batch);
                nanos += System.nanoTime() - start;
                lossSum += outcome.loss() * batch.length;
                correct += outcome.correct();
                epochSeen += batch.length;
                progress.onProgress(epoch, settings.epochs(), step, steps, outcome.loss(), (double) correct / epochSeen);
            }
            seen += epochSeen;
            epochLoss = lossSum / epochSeen;
            log.info("epoch {}/{}: loss {}, train accuracy {}", epoch, settings.epochs(), String.format("%.4f", epochLoss),
                    String.format("%.4f", (double) correct / epochSeen));
        }
        return new Outcome(seen, seen / (nanos / 1e9), epochLoss);
    }

    /** Accuracy of the current weights on {@code evalImages}, in inference mode (batch norm uses running stats). */
    double accuracy(DecodedImages evalImages) {
        long correct = 0;
        for (int from = 0; from < evalImages.size(); from += EVAL_BATCH) {
            int[] batch = range(from, Math.min(from + EVAL_BATCH, evalImages.size()));
            try (NDManager scope = trainer.getManager().newSubManager()) {
                NDArray logits = trainer.evaluate(new NDList(evalImages.batch(scope, batch))).singletonOrThrow();
                correct += countCorrect(logits, evalImages.labels(scope, batch));
            }
        }
        return (double) correct / evalImages.size();
    }

    private record StepOutcome(double loss, long correct) {
    }

    private StepOutcome step(int[] batch) {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDArray x = images.batch(scope, batch);
            NDArray y = images.labels(scope, batch);
            NDList logits;
            NDArray loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                logits = trainer.forward(new NDList(x));
                loss = trainer.getLoss().evaluate(new NDList(y), logits);
                collector.backward(loss);
            }
            trainer.step();
            // Counted outside the collector so the bookkeeping is not recorded for autograd.
            return new StepOutcome(loss.getFloat(), countCorrect(logits.singletonOrThrow(), y));
        }
    }

    private static long countCorrect(NDArray logits, NDArray labels) {
        return logits.argMax(1).toType(labels.getDataType(), false).eq(labels).sum().getLong();
    }

    private void shuffle(int[] order) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static int[] range(int from, int to) {
        int[] indices = new int[to - from];
        Arrays.setAll(indices, i -> from + i);
        return indices;
    }
}
