package com.spurlab.inference.audit;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The embedding association test of Caliskan et al. 2017 (WEAT), carried to images by Steed and
 * Caliskan 2021 (iEAT) and used on vision-language encoders by Ghate et al. 2025, here on a classifier's
 * penultimate-layer embeddings:
 * <pre>
 * s(w, A, B) = mean_{a in A} cos(w, a) - mean_{b in B} cos(w, b)
 * d          = (mean_{x in X} s(x, A, B) - mean_{y in Y} s(y, A, B)) / std_{w in X ∪ Y} s(w, A, B)
 * </pre>
 * where std is the sample standard deviation (divisor n - 1), as {@code np.std(..., ddof=1)} in the
 * iEAT / sent-bias code. The p-value is the one-sided permutation test of {@link PermutationTest}.
 */
public final class EmbeddingAssociationTest {

    private EmbeddingAssociationTest() {
    }

    /**
     * Runs the test; {@code design} only labels the result. Cost: one pass over X ∪ Y against the two attribute
     * centroids, then each permutation is a sum over |X| (or |Y|) precomputed values.
     *
     * @throws IllegalArgumentException when the sets' embeddings differ in length or X ∪ Y has fewer than 3 items
     */
    public static AssociationResult run(ConceptDesign design, ConceptSet x, ConceptSet y, ConceptSet a, ConceptSet b,
            AssociationSettings settings) {
        int d = x.embeddings()[0].length;
        for (ConceptSet set : List.of(y, a, b)) {
            if (set.embeddings()[0].length != d) {
                throw new IllegalArgumentException("concept set '" + set.name() + "' has embeddings of length "
                        + set.embeddings()[0].length + ", '" + x.name() + "' of length " + d);
            }
        }
        if (x.size() + y.size() < 3) {
            throw new IllegalArgumentException("an association test needs at least 3 target images, got "
                    + (x.size() + y.size()));
        }
        double[] sx = associations(x.embeddings(), a.embeddings(), b.embeddings());
        double[] sy = associations(y.embeddings(), a.embeddings(), b.embeddings());
        double effect = effectSize(sx, sy);
        double[] interval = bootstrap(sx, sy, settings.resamples(), new SplittableRandom(settings.seed()));
        double[] all = new double[sx.length + sy.length];
        System.arraycopy(sx, 0, all, 0, sx.length);
        System.arraycopy(sy, 0, all, sx.length, sy.length);
        PermutationTest.Outcome test = PermutationTest.oneSided(all, sx.length, settings.exactLimit(),
                settings.permutations(), settings.seed());
        return new AssociationResult(design, x.name() + " vs " + y.name(), a.name() + " vs " + b.name(), effect, interval[0],
                interval[1], mean(sx) - mean(sy), test.pValue(), all.length, test.exact(), test.partitions(), x.size(), y.size(), a.size(),
                b.size(), x.approximate() || y.approximate() || a.approximate() || b.approximate(),
                List.of("X " + x.name() + ": " + x.construction(), "Y " + y.name() + ": " + y.construction(),
                        "A " + a.name() + ": " + a.construction(), "B " + b.name() + ": " + b.construction()));
    }

    /**
     * s(w, A, B) for every w. Since cos(w, a) = ŵ · â, the mean over A is ŵ · mean(â): one dot product
     * with each attribute centroid of unit vectors instead of |A| + |B| cosines per w. A zero vector has
     * cosine 0 with everything.
     */
    static double[] associations(float[][] targets, float[][] a, float[][] b) {
        double[] centreA = unitCentroid(a);
        double[] centreB = unitCentroid(b);
        double[] s = new double[targets.length];
        for (int i = 0; i < targets.length; i++) {
            float[] w = targets[i];
            double norm = norm(w);
            if (norm == 0) {
                continue;
            }
            double dot = 0;
            for (int k = 0; k < w.length; k++) {
                dot += w[k] * (centreA[k] - centreB[k]);
            }
            s[i] = dot / norm;
        }
        return s;
    }

    /**
     * d from the s values of X and Y. When every s is equal the denominator is 0 and so is the
     * numerator: the embeddings show no association, and d is 0.
     */
    static double effectSize(double[] sx, double[] sy) {
        double meanX = mean(sx);
        double meanY = mean(sy);
        int n = sx.length + sy.length;
        double meanAll = (meanX * sx.length + meanY * sy.length) / n;
        double squares = 0;
        for (double v : sx) {
            squares += (v - meanAll) * (v - meanAll);
        }
        for (double v : sy) {
            squares += (v - meanAll) * (v - meanAll);
        }
        double std = Math.sqrt(squares / (n - 1));
        return std == 0 ? 0 : (meanX - meanY) / std;
    }

    /** Percentile interval of d with X and Y each resampled with replacement (sizes kept). */
    private static double[] bootstrap(double[] sx, double[] sy, int resamples, SplittableRandom random) {
        double[] effects = new double[resamples];
        double[] rx = new double[sx.length];
        double[] ry = new double[sy.length];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < rx.length; i++) {
                rx[i] = sx[random.nextInt(sx.length)];
            }
            for (int i = 0; i < ry.length; i++) {
                ry[i] = sy[random.nextInt(sy.length)];
            }
            effects[r] = effectSize(rx, ry);
        }
        Arrays.sort(effects);
        return new double[] {Quantiles.lower(effects), Quantiles.upper(effects)};
    }

    private static double[] unitCentroid(float[][] vectors) {
        double[] centre = new double[vectors[0].length];
        for (float[] v : vectors) {
            double norm = norm(v);
            if (norm > 0) {
                for (int k = 0; k < v.length; k++) {
                    centre[k] += v[k] / norm;
                }
            }
        }
        for (int k = 0; k < centre.length; k++) {
            centre[k] /= vectors.length;
        }
        return centre;
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float f : v) {
            sum += (double) f * f;
        }
        return Math.sqrt(sum);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
