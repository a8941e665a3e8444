package com.spurlab.inference.extract;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.spurlab.inference.data.DecodedImages;
import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.model.ClassifierNetwork;
import com.spurlab.inference.model.ModelMetadata;
import com.spurlab.inference.train.TrainingCancelledException;
import com.spurlab.inference.train.TrainingEngine;
import com.spurlab.inference.train.TrainingProgress;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Input-gradient saliency: for each measured sample, |d(predicted class score) / d(input)| summed
 * over colour channels, and the share of that mass on pixels outside the foreground mask, next to the
 * share of the image those pixels cover. Records gradients, so it holds the process's
 * {@link TrainingEngine} lease while it runs (a training in the same process makes it wait).
 */
final class SaliencyMeter {

    private static final int BATCH = 64;

    /** Per sample of the split: gradient share and area share outside the mask; NaN where not measured. */
    record Measured(double[] gradientOutside, double[] areaOutside, int count) {
    }

    private SaliencyMeter() {
    }

    /** Measures up to {@code perLabel} masked samples per class, drawn with {@code seed}. */
    static Measured measure(Path modelDir, List<ExtractionSample> samples, int classes, int perLabel, long seed,
            ExtractionProgress progress) {
        double[] gradient = new double[samples.size()];
        double[] area = new double[samples.size()];
        Arrays.fill(gradient, Double.NaN);
        Arrays.fill(area, Double.NaN);
        List<Integer> chosen = choose(samples, classes, perLabel, seed);
        if (chosen.isEmpty()) {
            return new Measured(gradient, area, 0);
        }
        ModelMetadata metadata = readMetadata(modelDir);
        int size = metadata.imageSize();
        List<LabeledImage> images = chosen.stream().map(i -> new LabeledImage(samples.get(i).sampleId(),
                samples.get(i).imageFile(), samples.get(i).label(), null)).toList();
        DecodedImages decoded = DecodedImages.decode(images, size);
        try (TrainingEngine.Lease lease = TrainingEngine.acquire(waiting(progress));
                Model model = Model.newInstance(metadata.modelName(), Engine.getInstance().defaultDevice())) {
            model.setBlock(ClassifierNetwork.ofArchitecture(metadata.architecture()).build(metadata.classNames().size()));
            model.load(modelDir, metadata.modelName());
            for (int from = 0; from < chosen.size(); from += BATCH) {
                if (progress.cancelled()) {
                    throw new ExtractionCancelledException("measuring saliency");
                }
                int first = from;
                int[] indices = new int[Math.min(BATCH, chosen.size() - from)];
                Arrays.setAll(indices, k -> first + k);
                float[] saliency = gradients(model, decoded, indices);
                for (int b = 0; b < indices.length; b++) {
                    int sample = chosen.get(indices[b]);
                    boolean[] foreground = readMask(samples.get(sample).maskFile(), size);
                    double outside = 0;
                    double total = 0;
                    int outsidePixels = 0;
                    for (int p = 0; p < foreground.length; p++) {
                        double s = saliency[b * foreground.length + p];
                        total += s;
                        if (!foreground[p]) {
                            outside += s;
                            outsidePixels++;
                        }
                    }
                    gradient[sample] = total == 0 ? 0 : outside / total;
                    area[sample] = (double) outsidePixels / foreground.length;
                }
            }
        } catch (TrainingCancelledException e) {
            throw new ExtractionCancelledException("waiting for the training engine");
        } catch (IOException | MalformedModelException e) {
            throw new UncheckedIOException("cannot load the model in " + modelDir,
                    e instanceof IOException io ? io : new IOException(e.getMessage(), e));
        }
        return new Measured(gradient, area, chosen.size());
    }

    /** (B, S*S) saliency of the predicted class, flattened. */
    private static float[] gradients(Model model, DecodedImages decoded, int[] indices) {
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDArray x = decoded.batch(scope, indices);
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = model.getBlock().forward(new ParameterStore(scope, false), new NDList(x), false)
                        .singletonOrThrow();
                NDArray predicted = logits.argMax(1).oneHot((int) logits.getShape().get(1));
                collector.backward(logits.mul(predicted).sum());
            }
            return x.getGradient().abs().sum(new int[] {1}).toFloatArray();
        }
    }

    private static List<Integer> choose(List<ExtractionSample> samples, int classes, int perLabel, long seed) {
        List<List<Integer>> byLabel = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byLabel.add(new ArrayList<>());
        }
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i).maskFile() != null) {
                byLabel.get(samples.get(i).label()).add(i);
            }
        }
        List<Integer> chosen = new ArrayList<>();
        Random random = new Random(seed);
        for (List<Integer> members : byLabel) {
            Collections.shuffle(members, random);
            chosen.addAll(members.subList(0, Math.min(perLabel, members.size())));
        }
        Collections.sort(chosen);
        return chosen;
    }

    private static boolean[] readMask(Path file, int size) {
        BufferedImage mask;
        try {
            mask = ImageIO.read(file.toFile());
            if (mask == null) {
                throw new IOException("not a PNG image");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mask " + file + ": " + e.getMessage(), e);
        }
        BufferedImage scaled = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(mask, 0, 0, size, size, null);
        g.dispose();
        boolean[] foreground = new boolean[size * size];
        int[] pixels = scaled.getRaster().getPixels(0, 0, size, size, (int[]) null);
        for (int p = 0; p < foreground.length; p++) {
            foreground[p] = pixels[p] > 0;
        }
        return foreground;
    }

    private static TrainingProgress waiting(ExtractionProgress progress) {
        return new TrainingProgress() {
            @Override
            public void onProgress(int epoch, int epochs, int step, int stepsPerEpoch, double loss, double accuracy) {
            }

            @Override
            public void onWaiting(String reason) {
                progress.onWaiting(reason);
            }

            @Override
            public boolean cancelled() {
                return progress.cancelled();
            }
        };
    }

    private static ModelMetadata readMetadata(Path modelDir) {
        try {
            return ModelMetadata.read(modelDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
