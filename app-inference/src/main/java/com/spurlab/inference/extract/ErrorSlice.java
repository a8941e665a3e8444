package com.spurlab.inference.extract;

import java.util.List;

/**
 * A cluster of the model's errors in its embedding space (L2-normalised embeddings, k-means++). A
 * sample belongs to the slice when its nearest centre is this one and it lies within {@code radius}.
 *
 * @param id          the {@code n} of {@code slice:<n>}
 * @param label       the true class most of the slice's errors have
 * @param members     samples of the split in the slice, errors and correct ones
 * @param errors      errors among the members
 * @param describedBy named cues over-represented among the members, most over-represented first
 * @param centroid    the centre, in L2-normalised embedding space; with {@code radius} it assigns any sample
 * @param radius      median distance of the slice's errors to the centre
 */
public record ErrorSlice(int id, String label, int members, int errors, List<String> describedBy, float[] centroid,
        double radius) {

    public ErrorSlice {
        describedBy = List.copyOf(describedBy);
        centroid = centroid.clone();
    }

    @Override
    public float[] centroid() {
        return centroid.clone();
    }

    /** The id of the slice a raw (not yet normalised) embedding falls in, or -1 when it is in none. */
    static int assign(List<ErrorSlice> slices, float[] embedding) {
        float[] unit = unit(embedding);
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (ErrorSlice slice : slices) {
            double d = distance(slice.centroid, unit);
            if (d < bestDistance) {
                bestDistance = d;
                best = slice.id;
            }
        }
        for (ErrorSlice slice : slices) {
            if (slice.id == best) {
                return bestDistance <= slice.radius ? best : -1;
            }
        }
        return -1;
    }

    static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = norm == 0 ? 0 : (float) (v[i] / norm);
        }
        return u;
    }

    static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
