package com.spurlab.inference.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * Copies a trained network's weights into its folded twin ({@link ClassifierNetwork#buildFolded}): each
 * convolution followed by a batch norm becomes one convolution with
 * {@code W' = W * s}, {@code b' = beta + (b - mean) * s}, {@code s = gamma / sqrt(var + eps)} per output
 * channel, which in inference mode computes the same as the pair and saves the batch norm's pass over the
 * activations. Other weights are copied as they are.
 */
final class BatchNormFolding {

    /** {@code BatchNorm.builder()}'s default, which both networks use. */
    static final float EPSILON = 1e-5f;

    private BatchNormFolding() {
    }

    /**
     * @param trained a loaded network
     * @param folded  its folded twin, initialised (its arrays exist and are overwritten)
     * @throws IllegalStateException when the two do not have the same structure
     */
    static void fold(Block trained, Block folded) {
        if (trained.getClass() != folded.getClass()) {
            throw mismatch(trained, folded);
        }
        List<Block> t = trained.getChildren().values();
        List<Block> f = folded.getChildren().values();
        int j = 0;
        for (int i = 0; i < t.size(); i++, j++) {
            if (j >= f.size()) {
                throw mismatch(trained, folded);
            }
            Block source = t.get(i);
            Block target = f.get(j);
            if (source instanceof Conv2d && i + 1 < t.size() && t.get(i + 1) instanceof BatchNorm norm) {
                requireType(source, target);
                foldInto(source.getParameters(), norm.getParameters(), target.getParameters());
                i++;
            } else if (source instanceof Conv2d || source instanceof Linear) {
                requireType(source, target);
                copy(source.getParameters(), target.getParameters());
            } else if (source instanceof BatchNorm) {
                throw new IllegalStateException("a batch norm that does not follow a convolution cannot be folded");
            } else {
                fold(source, target);
            }
        }
        if (j != f.size()) {
            throw mismatch(trained, folded);
        }
    }

    private static void foldInto(ParameterList conv, ParameterList norm, ParameterList target) {
        float[] weight = conv.get("weight").getArray().toFloatArray();
        Parameter convBias = conv.get("bias");
        float[] bias = convBias == null ? null : convBias.getArray().toFloatArray();
        float[] gamma = norm.get("gamma").getArray().toFloatArray();
        float[] beta = norm.get("beta").getArray().toFloatArray();
        float[] mean = norm.get("runningMean").getArray().toFloatArray();
        float[] var = norm.get("runningVar").getArray().toFloatArray();
        int perChannel = weight.length / gamma.length;
        float[] foldedBias = new float[gamma.length];
        for (int o = 0; o < gamma.length; o++) {
            float scale = gamma[o] / (float) Math.sqrt(var[o] + EPSILON);
            for (int k = o * perChannel; k < (o + 1) * perChannel; k++) {
                weight[k] *= scale;
            }
            foldedBias[o] = beta[o] + ((bias == null ? 0f : bias[o]) - mean[o]) * scale;
        }
        set(target.get("weight"), weight);
        set(target.get("bias"), foldedBias);
    }

    private static void copy(ParameterList source, ParameterList target) {
        if (source.size() != target.size()) {
            throw new IllegalStateException("parameters " + source.keys() + " do not match " + target.keys());
        }
        for (int p = 0; p < source.size(); p++) {
            set(target.valueAt(p), source.valueAt(p).getArray().toFloatArray());
        }
    }

    /** Overwrites the parameter's values; predictions need no gradient, so none is tracked. */
    private static void set(Parameter parameter, float[] values) {
        NDArray array = parameter.getArray();
        Shape shape = array.getShape();
        if (shape.size() != values.length) {
            throw new IllegalStateException(parameter.getName() + " has " + shape + ", got " + values.length + " values");
        }
        array.set(FloatBuffer.wrap(values));
        array.setRequiresGradient(false);
    }

    private static void requireType(Block source, Block target) {
        if (source.getClass() != target.getClass()) {
            throw mismatch(source, target);
        }
    }

    private static IllegalStateException mismatch(Block trained, Block folded) {
        return new IllegalStateException("the folded network does not mirror the trained one: "
                + trained.getClass().getSimpleName() + " vs " + folded.getClass().getSimpleName());
    }
}
