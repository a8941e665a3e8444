package com.spurlab.inference.predict;

/**
 * The results of one batch of a {@link BatchedPredictor} run.
 *
 * @param from          index in the input of the batch's first image
 * @param probabilities softmax over the classes, one row per image
 * @param embeddings    the penultimate representation, one row per image; {@code null} when not asked for
 */
public record ScoredBatch(int from, float[][] probabilities, float[][] embeddings) {

    public int size() {
        return probabilities.length;
    }
}
