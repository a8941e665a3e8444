package com.spurlab.inference.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import com.spurlab.inference.data.DecodedImages;

/**
 * Turns a slice of decoded images into class probabilities. The arrays live in the predictor's
 * per-call context manager, which DJL closes after each call, so one batch never outlives its call.
 */
final class ProbabilityTranslator implements NoBatchifyTranslator<ProbabilityTranslator.Slice, float[][]> {

    /** The images at {@code indices} of {@code images}; batching is ours because the cache is ours. */
    record Slice(DecodedImages images, int[] indices) {
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Slice input) {
        return new NDList(input.images().batch(ctx.getNDManager(), input.indices()));
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) {
        NDArray probabilities = list.singletonOrThrow().softmax(1);
        int rows = (int) probabilities.getShape().get(0);
        int classes = (int) probabilities.getShape().get(1);
        float[] flat = probabilities.toFloatArray();
        float[][] out = new float[rows][classes];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * classes, out[r], 0, classes);
        }
        return out;
    }
}
