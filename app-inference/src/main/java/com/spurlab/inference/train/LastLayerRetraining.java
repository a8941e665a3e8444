package com.spurlab.inference.train;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.spurlab.inference.data.DecodedImages;
import com.spurlab.inference.model.Embeddings;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deep feature reweighting (Kirichenko et al. 2023): keep the trained network's embedding, and
 * refit only its linear head as a softmax regression on group-balanced validation data.
 *
 * <p>As in the paper: the regularisation strength is chosen on half of the validation split (fit on
 * group-balanced subsamples of the other half, judged by worst-group accuracy there), then the head
 * is refitted on the whole split, averaging the weights of several balanced subsamples. Unlike the
 * paper it uses an L2 penalty (plain gradient descent here) instead of scikit-learn's L1 solver.
 */
final class LastLayerRetraining {

    private static final double[] PENALTIES = {1e-4, 1e-3, 1e-2, 1e-1, 1};
    private static final int TUNING_SUBSAMPLES = 5;
    private static final int FINAL_SUBSAMPLES = 10;
    private static final int ITERATIONS = 300;
    private static final int BATCH = 256;

    /** The penalty chosen and the worst-group accuracy it reached on the held-out half. */
    record Result(double penalty, double heldOutWorstGroup) {
    }

    private LastLayerRetraining() {
    }

    static Result retrain(Model model, DecodedImages validation, GroupIndex groups, int classes, long seed) {
        if (validation.size() == 0) {
            throw new IllegalArgumentException("DFR retrains the last layer on the validation split, which is empty;"
                    + " give the dataset val samples or choose another method");
        }
        double[][] x = embed(model, validation);
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        standardise(x, mean, scale);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = validation.label(i);
        }
        Random random = new Random(seed);
        List<Integer> tuneHalf = new ArrayList<>();
        List<Integer> judgeHalf = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (random.nextBoolean() ? tuneHalf : judgeHalf).add(i);
        }
        double bestPenalty = PENALTIES[0];
        double bestWorst = -1;
        for (double penalty : PENALTIES) {
            double[][] w = averagedFit(x, labels, groups, tuneHalf, classes, penalty, TUNING_SUBSAMPLES, random);
            double worst = worstGroup(w, x, labels, groups, judgeHalf);
            if (worst > bestWorst) {
                bestWorst = worst;
                bestPenalty = penalty;
            }
        }
        List<Integer> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        double[][] w = averagedFit(x, labels, groups, all, classes, bestPenalty, FINAL_SUBSAMPLES, random);
        writeHead(model, w, mean, scale);
        return new Result(bestPenalty, bestWorst);
    }

    private static double[][] embed(Model model, DecodedImages images) {
        double[][] out = new double[images.size()][];
        for (int from = 0; from < images.size(); from += BATCH) {
            int[] batch = new int[Math.min(BATCH, images.size() - from)];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = from + i;
            }
            try (NDManager scope = model.getNDManager().newSubManager()) {
                float[] flat = Embeddings.of(model.getBlock(), images.batch(scope, batch)).toFloatArray();
                int d = flat.length / batch.length;
                for (int i = 0; i < batch.length; i++) {
                    double[] row = new double[d];
                    for (int k = 0; k < d; k++) {
                        row[k] = flat[i * d + k];
                    }
                    out[from + i] = row;
                }
            }
        }
        return out;
    }

    private static void standardise(double[][] x, double[] mean, double[] scale) {
        int d = mean.length;
        for (double[] row : x) {
            for (int k = 0; k < d; k++) {
                mean[k] += row[k] / x.length;
            }
        }
        for (double[] row : x) {
            for (int k = 0; k < d; k++) {
                scale[k] += (row[k] - mean[k]) * (row[k] - mean[k]) / x.length;
            }
        }
        for (int k = 0; k < d; k++) {
            // A dead ReLU unit has no spread; scale 1 leaves it at 0 instead of dividing by 0.
            scale[k] = scale[k] > 1e-12 ? Math.sqrt(scale[k]) : 1;
        }
        for (double[] row : x) {
            for (int k = 0; k < d; k++) {
                row[k] = (row[k] - mean[k]) / scale[k];
            }
        }
    }

    /** Mean of the heads fitted on {@code repeats} group-balanced subsamples of {@code pool}: (classes) x (d + 1). */
    private static double[][] averagedFit(double[][] x, int[] labels, GroupIndex groups, List<Integer> pool, int classes,
            double penalty, int repeats, Random random) {
        int d = x[0].length;
        double[][] sum = new double[classes][d + 1];
        for (int r = 0; r < repeats; r++) {
            double[][] w = SoftmaxRegression.fit(x, labels, balancedSubsample(pool, groups, random), classes, penalty,
                    ITERATIONS);
            for (int c = 0; c < classes; c++) {
                for (int k = 0; k <= d; k++) {
                    sum[c][k] += w[c][k] / repeats;
                }
            }
        }
        return sum;
    }

    /** As many samples of every group as the smallest group in {@code pool} has, drawn without replacement. */
    private static int[] balancedSubsample(List<Integer> pool, GroupIndex groups, Random random) {
        List<List<Integer>> byGroup = new ArrayList<>();
        for (int g = 0; g < groups.groups(); g++) {
            byGroup.add(new ArrayList<>());
        }
        pool.forEach(i -> byGroup.get(groups.groupOf()[i]).add(i));
        int smallest = byGroup.stream().mapToInt(List::size).filter(s -> s > 0).min().orElse(0);
        List<Integer> chosen = new ArrayList<>();
        for (List<Integer> members : byGroup) {
            java.util.Collections.shuffle(members, random);
            chosen.addAll(members.subList(0, Math.min(smallest, members.size())));
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double worstGroup(double[][] w, double[][] x, int[] labels, GroupIndex groups, List<Integer> rows) {
        int[] n = new int[groups.groups()];
        int[] hits = new int[groups.groups()];
        for (int i : rows) {
            int g = groups.groupOf()[i];
            n[g]++;
            if (SoftmaxRegression.predict(w, x[i]) == labels[i]) {
                hits[g]++;
            }
        }
        double worst = 1;
        for (int g = 0; g < n.length; g++) {
            if (n[g] > 0) {
                worst = Math.min(worst, (double) hits[g] / n[g]);
            }
        }
        return worst;
    }

    /** Folds the standardisation into the head: W' = W / scale, b' = b - W' . mean. */
    private static void writeHead(Model model, double[][] w, double[] mean, double[] scale) {
        int classes = w.length;
        int d = mean.length;
        float[] weight = new float[classes * d];
        float[] bias = new float[classes];
        for (int c = 0; c < classes; c++) {
            double b = w[c][d];
            for (int k = 0; k < d; k++) {
                double folded = w[c][k] / scale[k];
                weight[c * d + k] = (float) folded;
                b -= folded * mean[k];
            }
            bias[c] = (float) b;
        }
        Block head = Embeddings.head(model.getBlock());
        head.getParameters().get("weight").getArray().set(weight);
        head.getParameters().get("bias").getArray().set(bias);
    }
}
