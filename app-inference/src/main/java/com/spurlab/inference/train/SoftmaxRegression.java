package com.spurlab.inference.train;

/**
 * Multinomial logistic regression with an L2 penalty on the weights (not the bias), fitted by full-batch
 * gradient descent with a step of 1 / (Lipschitz bound). Small on purpose: DFR fits a few hundred
 * standardised embeddings, where this converges in a few hundred iterations of plain Java.
 */
final class SoftmaxRegression {

    private SoftmaxRegression() {
    }

    /** Returns weights (classes) x (d + 1), the last column the bias. */
    static double[][] fit(double[][] x, int[] labels, int[] rows, int classes, double penalty, int iterations) {
        int d = x[0].length;
        double[][] w = new double[classes][d + 1];
        if (rows.length == 0) {
            return w;
        }
        // For softmax cross-entropy the Hessian is bounded by 0.5 * mean ||x||^2 (x with its bias 1) + penalty.
        double meanNorm = 0;
        for (int i : rows) {
            double s = 1;
            for (int k = 0; k < d; k++) {
                s += x[i][k] * x[i][k];
            }
            meanNorm += s / rows.length;
        }
        double step = 1.0 / (0.5 * meanNorm + penalty);
        double[][] grad = new double[classes][d + 1];
        double[] p = new double[classes];
        for (int it = 0; it < iterations; it++) {
            for (double[] g : grad) {
                java.util.Arrays.fill(g, 0);
            }
            for (int i : rows) {
                probabilities(w, x[i], p);
                for (int c = 0; c < classes; c++) {
                    double err = (p[c] - (labels[i] == c ? 1 : 0)) / rows.length;
                    for (int k = 0; k < d; k++) {
                        grad[c][k] += err * x[i][k];
                    }
                    grad[c][d] += err;
                }
            }
            for (int c = 0; c < classes; c++) {
                for (int k = 0; k < d; k++) {
                    w[c][k] -= step * (grad[c][k] + penalty * w[c][k]);
                }
                w[c][d] -= step * grad[c][d];
            }
        }
        return w;
    }

    static int predict(double[][] w, double[] x) {
        int best = 0;
        double bestLogit = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            double logit = logit(w[c], x);
            if (logit > bestLogit) {
                bestLogit = logit;
                best = c;
            }
        }
        return best;
    }

    private static void probabilities(double[][] w, double[] x, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            p[c] = logit(w[c], x);
            max = Math.max(max, p[c]);
        }
        double sum = 0;
        for (int c = 0; c < w.length; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < w.length; c++) {
            p[c] /= sum;
        }
    }

    private static double logit(double[] wc, double[] x) {
        double s = wc[x.length];
        for (int k = 0; k < x.length; k++) {
            s += wc[k] * x[k];
        }
        return s;
    }
}
