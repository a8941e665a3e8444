package com.spurlab.inference.edit.mask;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.spurlab.inference.train.TrainingEngine;
import com.spurlab.inference.train.TrainingProgress;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small fully convolutional segmentation network (3x3 convolutions with dilations 1, 2, 4, 8 — a
 * 31-pixel receptive field at no loss of resolution — then a 1x1 convolution to one foreground
 * logit per pixel), trained with DJL on the samples that have manifest masks and used to predict
 * masks for the rest. Holds native memory: close it.
 */
public final class LearnedSegmentation implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LearnedSegmentation.class);
    private static final int[] DILATIONS = {1, 2, 4, 8};
    private static final int CHANNELS = 16;
    private static final int BATCH = 8;
    private static final float LEARNING_RATE = 1e-2f;
    private static final int[][] CHANNEL_ORDERS = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};

    /**
     * How the network was trained.
     *
     * @param trainedOn  masked samples it learned from
     * @param heldOut    masked samples kept aside to score it (a fifth when there are 25 or more, else none)
     * @param heldOutIou mean intersection over union of its masks with the held-out manifest masks; NaN without any
     * @param epochs     epochs run
     * @param finalLoss  mean pixel binary cross-entropy of the last epoch
     * @param seconds    wall time of the training
     */
    public record Figures(int trainedOn, int heldOut, double heldOutIou, int epochs, double finalLoss, double seconds) {
    }

    private final Model model;
    private final int size;
    private final Figures figures;

    private LearnedSegmentation(Model model, int size, Figures figures) {
        this.model = model;
        this.size = size;
        this.figures = figures;
    }

    /**
     * Trains on {@code masked} (masks that do not fit their image are left out). Holds the
     * {@link TrainingEngine} lease while it trains, like every DJL training in the process.
     *
     * @throws IllegalArgumentException when fewer than {@code settings.minMasksToTrain()} samples are given,
     *                                  or a mask does not fit its image
     * @throws CancellationException    when {@code progress} asks to stop
     */
    public static LearnedSegmentation train(List<SampleImage> masked, SegmentationSettings settings,
            TrainingProgress progress) {
        if (masked.size() < settings.minMasksToTrain()) {
            throw new IllegalArgumentException("a segmentation network needs at least " + settings.minMasksToTrain()
                    + " samples with masks to learn from, got " + masked.size());
        }
        List<SampleImage> chosen = new ArrayList<>(masked);
        Collections.shuffle(chosen, new Random(settings.seed()));
        chosen = chosen.subList(0, Math.min(chosen.size(), settings.maxTrainingMasks()));
        int heldOut = chosen.size() >= 25 ? chosen.size() / 5 : 0;
        List<SampleImage> test = chosen.subList(0, heldOut);
        List<SampleImage> train = chosen.subList(heldOut, chosen.size());
        TrainingProgress listener = progress == null ? TrainingProgress.NONE : progress;
        try (TrainingEngine.Lease engine = TrainingEngine.acquire(listener)) {
            return trainAlone(train, test, settings, listener);
        }
    }

    private static LearnedSegmentation trainAlone(List<SampleImage> train, List<SampleImage> test,
            SegmentationSettings settings, TrainingProgress progress) {
        long start = System.nanoTime();
        int s = settings.inputSize();
        int plane = s * s;
        BufferedImage[] images = new BufferedImage[train.size()];
        RegionMask[] masks = new RegionMask[train.size()];
        IntStream.range(0, train.size()).parallel().forEach(i -> {
            BufferedImage image = ImageFiles.readRgb(train.get(i).imageFile());
            RegionMask mask = RegionMask.read(train.get(i).maskFile());
            // A mask that does not fit its image teaches nothing: it is left out, not fatal.
            if (mask.covers(image.getWidth(), image.getHeight())) {
                images[i] = image;
                masks[i] = mask;
            }
        });
        int[] usable = IntStream.range(0, train.size()).filter(i -> images[i] != null).toArray();
        if (usable.length < Math.min(settings.minMasksToTrain(), train.size())) {
            throw new IllegalArgumentException("only " + usable.length + " of " + train.size() + " masks fit their images;"
                    + " a segmentation network needs at least " + settings.minMasksToTrain());
        }
        float[] x = new float[usable.length * 3 * plane];
        float[] y = new float[usable.length * plane];
        IntStream.range(0, usable.length).parallel().forEach(i -> {
            ImageFiles.writeChw(images[usable[i]], s, x, i * 3 * plane);
            ImageFiles.writeMask(masks[usable[i]], s, y, i * plane);
        });
        Engine engine = Engine.getInstance();
        engine.setRandomSeed(Long.hashCode(settings.seed()));
        Device device = engine.defaultDevice();
        Model model = Model.newInstance("spurlab-segmentation", device);
        try {
            model.setBlock(network());
            double loss = Double.NaN;
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(LEARNING_RATE)).build())
                    .optDevices(new Device[] {device});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 3, s, s));
                Random random = new Random(settings.seed());
                int[] order = IntStream.range(0, usable.length).toArray();
                int steps = (order.length + BATCH - 1) / BATCH;
                for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                    shuffle(order, random);
                    double sum = 0;
                    for (int step = 0; step < steps; step++) {
                        if (progress.cancelled()) {
                            throw new CancellationException("segmentation training cancelled in epoch " + epoch);
                        }
                        int from = step * BATCH;
                        int to = Math.min(order.length, from + BATCH);
                        float[] result = step(trainer, x, y, order, from, to, s, random);
                        sum += result[0] * (to - from);
                        progress.onProgress(epoch, settings.epochs(), step + 1, steps, result[0], result[1]);
                    }
                    loss = sum / order.length;
                    log.debug("segmentation epoch {}/{}: loss {}", epoch, settings.epochs(), loss);
                }
            }
            LearnedSegmentation learned = new LearnedSegmentation(model, s, null);
            double iou = test.isEmpty() ? Double.NaN : learned.meanIou(test);
            Figures figures = new Figures(usable.length, test.size(), iou, settings.epochs(), loss,
                    (System.nanoTime() - start) / 1e9);
            log.info("segmentation network trained on {} masks in {} s: loss {}, held-out IoU {} ({} masks)",
                    usable.length, String.format("%.1f", figures.seconds()), String.format("%.4f", loss),
                    String.format("%.3f", iou), test.size());
            return new LearnedSegmentation(model, s, figures);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * One Adam step on images {@code order[from..to)}; returns {mean loss, pixel accuracy}. Each image's
     * colour channels are shuffled at random: a foreground does not depend on its colours, and the
     * masked samples usually share the data's spurious colour cue (warm backgrounds behind one label),
     * which a network trained on them as they are learns to lean on and then misses every minority image.
     */
    private static float[] step(Trainer trainer, float[] x, float[] y, int[] order, int from, int to, int s,
            Random random) {
        int plane = s * s;
        int n = to - from;
        float[] bx = new float[n * 3 * plane];
        float[] by = new float[n * plane];
        for (int b = 0; b < n; b++) {
            int[] channels = CHANNEL_ORDERS[random.nextInt(CHANNEL_ORDERS.length)];
            for (int c = 0; c < 3; c++) {
                System.arraycopy(x, (order[from + b] * 3 + channels[c]) * plane, bx, (b * 3 + c) * plane, plane);
            }
            System.arraycopy(y, order[from + b] * plane, by, b * plane, plane);
        }
        boolean flip = random.nextBoolean();
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDArray images = scope.create(FloatBuffer.wrap(bx), new Shape(n, 3, s, s));
            NDArray masks = scope.create(FloatBuffer.wrap(by), new Shape(n, 1, s, s));
            if (flip) {
                // A mirrored batch: foregrounds do not care about left and right.
                images = images.flip(3);
                masks = masks.flip(3);
            }
            NDArray logits;
            float loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                logits = trainer.forward(new NDList(images)).singletonOrThrow();
                NDArray l = trainer.getLoss().evaluate(new NDList(masks), new NDList(logits));
                collector.backward(l);
                loss = l.getFloat();
            }
            trainer.step();
            float accuracy = logits.gt(0).eq(masks.gt(0.5f)).toType(DataType.FLOAT32, false)
                    .mean().getFloat();
            return new float[] {loss, accuracy};
        }
    }

    static Block network() {
        SequentialBlock net = new SequentialBlock();
        for (int d : DILATIONS) {
            net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(d, d))
                            .optDilation(new Shape(d, d)).setFilters(CHANNELS).build())
                    .add(BatchNorm.builder().build())
                    .add(Activation::relu);
        }
        return net.add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(1).build());
    }

    /** The foreground of one image, at the image's size. */
    public RegionMask predict(BufferedImage image) {
        return predict(List.of(image)).get(0);
    }

    /** Foregrounds of many images, each at its own size, in batches whose arrays are freed after each batch. */
    public synchronized List<RegionMask> predict(List<BufferedImage> images) {
        int plane = size * size;
        List<RegionMask> masks = new ArrayList<>(images.size());
        for (int from = 0; from < images.size(); from += 64) {
            int n = Math.min(64, images.size() - from);
            float[] x = new float[n * 3 * plane];
            int first = from;
            IntStream.range(0, n).parallel().forEach(b -> ImageFiles.writeChw(images.get(first + b), size, x, b * 3 * plane));
            float[] p;
            try (NDManager scope = model.getNDManager().newSubManager()) {
                NDArray input = scope.create(FloatBuffer.wrap(x), new Shape(n, 3, size, size));
                NDArray logits = model.getBlock().forward(new ParameterStore(scope, false), new NDList(input), false)
                        .singletonOrThrow();
                p = Activation.sigmoid(logits).toFloatArray();
            }
            for (int b = 0; b < n; b++) {
                BufferedImage image = images.get(first + b);
                masks.add(ImageFiles.threshold(p, b * plane, size, image.getWidth(), image.getHeight()));
            }
        }
        return masks;
    }

    /** How it was trained. */
    public Figures figures() {
        return figures;
    }

    private double meanIou(List<SampleImage> samples) {
        List<BufferedImage> images = samples.stream().map(s -> ImageFiles.readRgb(s.imageFile())).toList();
        List<RegionMask> predicted = predict(images);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < samples.size(); i++) {
            RegionMask truth = RegionMask.read(samples.get(i).maskFile());
            if (truth.covers(images.get(i).getWidth(), images.get(i).getHeight())) {
                sum += predicted.get(i).iou(truth);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
