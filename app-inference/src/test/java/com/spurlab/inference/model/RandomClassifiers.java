package com.spurlab.inference.model;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Untrained networks whose batch norms hold made-up statistics, so that folding them is not a no-op. */
public final class RandomClassifiers {

    private RandomClassifiers() {
    }

    /**
     * Initialises {@code block} for {@code imageSize} px inputs, the engine seeded so the weights are the same
     * every run, and gives every batch norm random gamma, beta, mean and variance.
     */
    public static void initialise(Model model, Block block, int imageSize, long seed) {
        Engine.getInstance().setRandomSeed((int) seed);
        block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, imageSize, imageSize));
        randomiseBatchNorms(block, new Random(seed));
    }

    /** Saves such a network with its metadata into {@code dir}, as ClassifierTrainer would. */
    public static Path save(Path dir, ClassifierNetwork network, List<String> classNames, int imageSize, long seed)
            throws IOException {
        Files.createDirectories(dir);
        try (Model model = Model.newInstance("random")) {
            model.setBlock(network.build(classNames.size()));
            initialise(model, model.getBlock(), imageSize, seed);
            model.save(dir, "random");
        }
        new ModelMetadata("random", network.architecture(), classNames, imageSize, "ERM").write(dir);
        return dir;
    }

    private static void randomiseBatchNorms(Block block, Random random) {
        if (block instanceof BatchNorm) {
            set(block, "gamma", random, 0.5f, 1.5f);
            set(block, "beta", random, -0.5f, 0.5f);
            set(block, "runningMean", random, -0.5f, 0.5f);
            set(block, "runningVar", random, 0.3f, 2f);
        }
        for (Block child : block.getChildren().values()) {
            randomiseBatchNorms(child, random);
        }
    }

    private static void set(Block block, String name, Random random, float low, float high) {
        NDArray array = block.getParameters().get(name).getArray();
        float[] values = new float[Math.toIntExact(array.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = low + random.nextFloat() * (high - low);
        }
        array.set(FloatBuffer.wrap(values));
    }
}
