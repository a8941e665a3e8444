package com.spurlab.inference.audit;

import com.spurlab.inference.eval.Prediction;
import com.spurlab.inference.eval.ScoredSamples;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * ODmAP@k (Kim et al. 2023, "Exposing and Mitigating Spurious Correlations for Cross-Modal Retrieval")
 * for a classifier's embeddings: every sample of the split queries the gallery of the split's original
 * images by cosine similarity; the gallery items of the query's label are relevant, the query's own
 * original is left out. The same is done with the query's edited embedding (the cue removed or swapped)
 * against the same original gallery. Retrieval that survives the edit looks at the object; a drop means
 * it leaned on the cue. A gallery whose cue is balanced across labels makes cue-led retrieval no better
 * than chance to begin with, so the drop is largest where the cue goes with the label, as in Kim et al.'s
 * natural co-occurrences.
 *
 * <p>AP@k of one query, with rel(r) = 1 when the r-th retrieved item is relevant, P(r) the share of
 * relevant items among the first r, and R the relevant items in the gallery:
 * <pre>AP@k = (1 / min(k, R)) · Σ_{r=1..k} rel(r) · P(r)</pre>
 * so a query whose first min(k, R) results are all relevant scores 1. mAP@k is the mean over queries;
 * a query with R = 0 is skipped. Equal similarities rank in gallery order.
 */
public final class ObjectDeletionRetrieval {

    private ObjectDeletionRetrieval() {
    }

    /**
     * @param originals embeddings of the split's original images (the gallery and the original queries)
     * @param edited    edited embeddings by original sample id; only these samples are queries
     * @param k         1..gallery size - 1
     * @param resamples bootstrap resamples over queries, at least 200
     * @throws IllegalArgumentException when no edited sample is in the gallery or k is out of range
     */
    public static OdmapReport of(ScoredSamples originals, Map<String, float[]> edited, int k, int resamples, long seed) {
        List<Prediction> samples = originals.predictions();
        int n = samples.size();
        if (k < 1 || k >= n) {
            throw new IllegalArgumentException("k must be between 1 and " + (n - 1) + " (gallery size - 1), got " + k);
        }
        if (resamples < 200) {
            throw new IllegalArgumentException("resamples must be at least 200, got " + resamples);
        }
        int d = originals.embeddings()[0].length;
        float[] gallery = unitRows(originals.embeddings(), d);
        int[] labels = samples.stream().mapToInt(Prediction::label).toArray();
        int[] perLabel = new int[Arrays.stream(labels).max().orElse(0) + 1];
        for (int label : labels) {
            perLabel[label]++;
        }
        List<double[]> scored = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        int skipped = 0;
        int matched = 0;
        float[] query = new float[d];
        for (int i = 0; i < n; i++) {
            float[] e = edited.get(samples.get(i).sampleId());
            if (e == null) {
                continue;
            }
            if (e.length != d) {
                throw new IllegalArgumentException("the edited embedding of " + samples.get(i).sampleId() + " has length "
                        + e.length + ", the gallery's have " + d);
            }
            matched++;
            int relevant = perLabel[labels[i]] - 1;
            if (relevant == 0) {
                skipped++;
                continue;
            }
            System.arraycopy(gallery, i * d, query, 0, d);
            double original = averagePrecision(ranked(gallery, query, i, labels, k), relevant, k);
            double afterEdit = averagePrecision(ranked(gallery, unit(e), i, labels, k), relevant, k);
            scored.add(new double[] {original, afterEdit});
            groups.add(samples.get(i).group());
        }
        if (matched == 0) {
            throw new IllegalArgumentException("none of the " + edited.size() + " edited samples is in the split's gallery");
        }
        return report(k, scored, groups, skipped, resamples, seed);
    }

    /**
     * AP@k of one ranked list.
     *
     * @param relevance rel(r) of the first results, at most k of them read
     * @param relevant  R, the relevant items in the whole gallery (at least 1)
     */
    static double averagePrecision(boolean[] relevance, int relevant, int k) {
        double sum = 0;
        int hits = 0;
        for (int r = 0; r < Math.min(k, relevance.length); r++) {
            if (relevance[r]) {
                hits++;
                sum += (double) hits / (r + 1);
            }
        }
        return sum / Math.min(k, relevant);
    }

    /** Relevance of the k most similar gallery items (all but {@code self}), best first. */
    private static boolean[] ranked(float[] gallery, float[] query, int self, int[] labels, int k) {
        int d = query.length;
        int[] top = new int[k];
        double[] best = new double[k];
        int size = 0;
        for (int j = 0; j < labels.length; j++) {
            if (j == self) {
                continue;
            }
            double dot = 0;
            int at = j * d;
            for (int c = 0; c < d; c++) {
                dot += query[c] * gallery[at + c];
            }
            if (size == k && dot <= best[k - 1]) {
                continue;
            }
            // Insertion into the short sorted list; strict > keeps earlier gallery items first on ties.
            int pos = size < k ? size++ : k - 1;
            while (pos > 0 && dot > best[pos - 1]) {
                best[pos] = best[pos - 1];
                top[pos] = top[pos - 1];
                pos--;
            }
            best[pos] = dot;
            top[pos] = j;
        }
        boolean[] relevance = new boolean[size];
        for (int r = 0; r < size; r++) {
            relevance[r] = labels[top[r]] == labels[self];
        }
        return relevance;
    }

    private static OdmapReport report(int k, List<double[]> scored, List<String> groups, int skipped, int resamples,
            long seed) {
        int q = scored.size();
        if (q == 0) {
            return new OdmapReport(k, 0, skipped, none(), none(), none(), List.of());
        }
        double[][] boot = new double[3][resamples];
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < resamples; r++) {
            double original = 0;
            double edited = 0;
            for (int i = 0; i < q; i++) {
                double[] s = scored.get(random.nextInt(q));
                original += s[0];
                edited += s[1];
            }
            boot[0][r] = original / q;
            boot[1][r] = edited / q;
            boot[2][r] = (original - edited) / q;
        }
        double[] mean = new double[2];
        Map<String, double[]> byGroup = new TreeMap<>();
        for (int i = 0; i < q; i++) {
            double[] s = scored.get(i);
            mean[0] += s[0] / q;
            mean[1] += s[1] / q;
            double[] g = byGroup.computeIfAbsent(groups.get(i) == null ? "" : groups.get(i), x -> new double[3]);
            g[0]++;
            g[1] += s[0];
            g[2] += s[1];
        }
        for (double[] b : boot) {
            Arrays.sort(b);
        }
        List<GroupRetrieval> perGroup = new ArrayList<>();
        byGroup.forEach((group, g) -> perGroup.add(new GroupRetrieval(group, (int) g[0], g[1] / g[0], g[2] / g[0],
                g[0] < Proportion.TOO_SMALL)));
        return new OdmapReport(k, q, skipped, estimate(mean[0], boot[0]), estimate(mean[1], boot[1]),
                estimate(mean[0] - mean[1], boot[2]), perGroup);
    }

    private static Estimate estimate(double value, double[] sorted) {
        return new Estimate(value, Quantiles.lower(sorted), Quantiles.upper(sorted));
    }

    private static Estimate none() {
        return new Estimate(Double.NaN, Double.NaN, Double.NaN);
    }

    /** Rows scaled to unit length, in one flat array (a zero row stays zero). */
    private static float[] unitRows(float[][] rows, int d) {
        float[] flat = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException("embeddings of length " + d + " and " + rows[i].length + " are mixed");
            }
            System.arraycopy(unit(rows[i]), 0, flat, i * d, d);
        }
        return flat;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float f : v) {
            norm += (double) f * f;
        }
        float[] out = new float[v.length];
        if (norm > 0) {
            double inverse = 1 / Math.sqrt(norm);
            for (int c = 0; c < v.length; c++) {
                out[c] = (float) (v[c] * inverse);
            }
        }
        return out;
    }
}
