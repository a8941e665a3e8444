package com.spurlab.inference.predict;

/**
 * The results of a whole {@link BatchedPredictor} run, in input order.
 *
 * @param probabilities   softmax over the classes, one row per image
 * @param embeddings      one row per image; {@code null} when not asked for
 * @param imagesPerSecond images / wall-clock seconds of the run, input decoding included
 */
public record Scores(float[][] probabilities, float[][] embeddings, double imagesPerSecond) {

    /** The most probable class of image {@code i}. */
    public int predicted(int i) {
        float[] p = probabilities[i];
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }
}
