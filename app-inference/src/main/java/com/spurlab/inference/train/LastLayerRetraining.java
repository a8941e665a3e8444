package com.spurlab.inference.train;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.spurlab.inference.data.DecodedImages;
import com.spurlab.inference.model.Embeddings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Deep feature reweighting (Kirichenko et al. 2023): keep the trained network's embedding, and
 * refit only its linear head as a softmax regression on group-balanced validation data.
 *
 * <p>The validation split is cut into two halves stratified by group (every group is split half and
 * half). For each penalty of the grid a head is fitted on the first half only (the mean of the heads
 * fitted on several group-balanced subsamples of that half); the second half, never fitted on, chooses
 * the penalty by worst-group accuracy and gives the figures reported for the model. As in the paper
 * (DFR<sub>val</sub><sup>tr</sup>: "retrain on the full validation set with the selected
 * hyper-parameters"), the head kept is then fitted once more, with that penalty, on balanced subsamples of
 * the whole split, so the figures reported are those of a head fitted on half the data, an honest
 * estimate of a head fitted on all of it. Unlike the paper it uses an L2 penalty (L-BFGS,
 * {@link SoftmaxRegression}) instead of scikit-learn's L1 solver.
 */
final class LastLayerRetraining {

    private static final double[] PENALTIES = {1e-4, 1e-3, 1e-2, 1e-1, 1};
    private static final int SUBSAMPLES = 10;
    private static final int BATCH = 256;

    /**
     * The head chosen.
     *
     * @param penalty            the L2 penalty chosen on the held-out half
     * @param heldOutAccuracy    accuracy on the held-out half of the head fitted on the first half with that penalty
     * @param heldOutWorstGroup  worst-group accuracy of that head on the held-out half: the figure reported
     * @param fitted             validation samples the penalties were tried on (the first half); the head kept
     *                           is refitted on the whole split
     * @param heldOut            validation samples of the second half
     * @param unconverged        head fits (of all penalties and subsamples) whose solver did not converge
     */
    record Result(double penalty, double heldOutAccuracy, double heldOutWorstGroup, int fitted, int heldOut,
            int unconverged) {
    }

    private LastLayerRetraining() {
    }

    static Result retrain(Model model, DecodedImages validation, GroupIndex groups, int classes, long seed) {
        if (validation.size() == 0) {
            throw new IllegalArgumentException("DFR retrains the last layer on the validation split, which is empty;"
                    + " give the dataset val samples or choose another method");
        }
        double[][] raw = embed(model, validation);
        double[][] x = copy(raw);
        int n = x.length;
        double[] mean = new double[x[0].length];
        double[] scale = new double[x[0].length];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = validation.label(i);
        }
        Random random = new Random(seed);
        int[][] halves = stratifiedHalves(groups, random);
        int[] fitHalf = halves[0];
        int[] judgeHalf = halves[1];
        // Standardised with the fitting half's statistics only: the judging half stays unseen.
        standardise(x, fitHalf, mean, scale);
        double[][] best = null;
        double bestPenalty = Double.NaN;
        double bestWorst = Double.NEGATIVE_INFINITY;
        int[] fitsShort = new int[1];
        for (double penalty : PENALTIES) {
            double[][] sum = averageHead(x, labels, fitHalf, groups, classes, penalty, random, fitsShort);
            double worst = groups.worstGroupAccuracy(judgeHalf, i -> SoftmaxRegression.predict(sum, x[i]) == labels[i]);
            // Ties go to the stronger penalty: the simpler head.
            if (worst >= bestWorst) {
                bestWorst = worst;
                bestPenalty = penalty;
                best = sum;
            }
        }
        double[][] chosen = best;
        long right = java.util.Arrays.stream(judgeHalf).filter(i -> SoftmaxRegression.predict(chosen, x[i]) == labels[i])
                .count();
        // The final head: the chosen penalty, fitted on the whole split (standardised with its own statistics).
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        double[] fullMean = new double[mean.length];
        double[] fullScale = new double[scale.length];
        standardise(raw, all, fullMean, fullScale);
        double[][] head = averageHead(raw, labels, all, groups, classes, bestPenalty, random, fitsShort);
        writeHead(model, head, fullMean, fullScale);
        return new Result(bestPenalty, judgeHalf.length == 0 ? Double.NaN : (double) right / judgeHalf.length, bestWorst,
                fitHalf.length, judgeHalf.length, fitsShort[0]);
    }

    /** The mean of the heads fitted on {@link #SUBSAMPLES} group-balanced subsamples of {@code pool}. */
    private static double[][] averageHead(double[][] x, int[] labels, int[] pool, GroupIndex groups, int classes,
            double penalty, Random random, int[] unconverged) {
        double[][] sum = new double[classes][x[0].length + 1];
        for (int r = 0; r < SUBSAMPLES; r++) {
            SoftmaxRegression.Fit fit = SoftmaxRegression.fit(x, labels, balancedSubsample(pool, groups, random), classes,
                    penalty);
            unconverged[0] += fit.converged() ? 0 : 1;
            for (int c = 0; c < classes; c++) {
                for (int k = 0; k < sum[c].length; k++) {
                    sum[c][k] += fit.weights()[c][k] / SUBSAMPLES;
                }
            }
        }
        return sum;
    }

    private static double[][] copy(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].clone();
        }
        return out;
    }

    /**
     * Each group's samples shuffled and dealt alternately to the two halves, the first getting the odd
     * one out; a group with one sample lands in the fitting half.
     */
    static int[][] stratifiedHalves(GroupIndex groups, Random random) {
        List<List<Integer>> byGroup = members(groups, java.util.stream.IntStream.range(0, groups.groupOf().length)
                .toArray());
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        for (List<Integer> members : byGroup) {
            Collections.shuffle(members, random);
            for (int i = 0; i < members.size(); i++) {
                (i % 2 == 0 ? first : second).add(members.get(i));
            }
        }
        return new int[][] {first.stream().mapToInt(Integer::intValue).sorted().toArray(),
                second.stream().mapToInt(Integer::intValue).sorted().toArray()};
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

    /** Standardises every row of {@code x} in place with the mean and spread of the rows {@code basis}. */
    private static void standardise(double[][] x, int[] basis, double[] mean, double[] scale) {
        int d = mean.length;
        for (int i : basis) {
            for (int k = 0; k < d; k++) {
                mean[k] += x[i][k] / basis.length;
            }
        }
        for (int i : basis) {
            for (int k = 0; k < d; k++) {
                scale[k] += (x[i][k] - mean[k]) * (x[i][k] - mean[k]) / basis.length;
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

    /** As many samples of every group as the smallest group in {@code pool} has, drawn without replacement. */
    private static int[] balancedSubsample(int[] pool, GroupIndex groups, Random random) {
        List<List<Integer>> byGroup = members(groups, pool);
        int smallest = byGroup.stream().mapToInt(List::size).filter(s -> s > 0).min().orElse(0);
        List<Integer> chosen = new ArrayList<>();
        for (List<Integer> members : byGroup) {
            Collections.shuffle(members, random);
            chosen.addAll(members.subList(0, Math.min(smallest, members.size())));
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<List<Integer>> members(GroupIndex groups, int[] pool) {
        List<List<Integer>> byGroup = new ArrayList<>();
        for (int g = 0; g < groups.groups(); g++) {
            byGroup.add(new ArrayList<>());
        }
        for (int i : pool) {
            byGroup.get(groups.groupOf()[i]).add(i);
        }
        return byGroup;
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
