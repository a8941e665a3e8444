package com.spurlab.inference.train;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Multinomial logistic regression with an L2 penalty on the weights (not the bias): minimises
 * mean cross-entropy + penalty / 2 · ||W||², fitted by L-BFGS (Nocedal &amp; Wright, algorithm 7.4, with
 * a backtracking Armijo line search) until the gradient's largest component is below
 * {@link #TOLERANCE}. DFR fits a few hundred standardised embeddings of a few dozen dimensions, where
 * this converges in tens to a few hundred iterations even for small penalties (which plain gradient
 * descent with a fixed step did not reach in 300). Commons Math 3.6.1 has no L-BFGS; its nonlinear
 * conjugate gradient serves as the reference in the tests.
 */
final class SoftmaxRegression {

    static final double TOLERANCE = 1e-5;
    static final int MAX_ITERATIONS = 2000;
    private static final int HISTORY = 10;

    /**
     * A fitted head.
     *
     * @param weights      (classes) x (d + 1), the last column the bias
     * @param converged    whether the gradient met {@link #TOLERANCE} within {@link #MAX_ITERATIONS}
     * @param iterations   L-BFGS iterations run
     * @param gradientNorm largest absolute gradient component at the end
     */
    record Fit(double[][] weights, boolean converged, int iterations, double gradientNorm) {
    }

    private SoftmaxRegression() {
    }

    static Fit fit(double[][] x, int[] labels, int[] rows, int classes, double penalty) {
        int d = x[0].length;
        Objective objective = new Objective(x, labels, rows, classes, d, penalty);
        double[] w = new double[classes * (d + 1)];
        if (rows.length == 0) {
            return new Fit(unflatten(w, classes, d), true, 0, 0);
        }
        double[] g = new double[w.length];
        double f = objective.value(w, g);
        Deque<double[][]> history = new ArrayDeque<>();
        int iteration = 0;
        while (maxAbs(g) > TOLERANCE && iteration < MAX_ITERATIONS) {
            iteration++;
            double[] direction = direction(g, history);
            double slope = dot(direction, g);
            if (slope >= 0) {
                // Not a descent direction (curvature pairs went stale): restart from steepest descent.
                history.clear();
                direction = scale(g, -1);
                slope = dot(direction, g);
            }
            double step = history.isEmpty() ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
            double[] next = new double[w.length];
            double[] nextG = new double[w.length];
            double nextF;
            while (true) {
                for (int k = 0; k < w.length; k++) {
                    next[k] = w[k] + step * direction[k];
                }
                nextF = objective.value(next, nextG);
                if (nextF <= f + 1e-4 * step * slope || step < 1e-12) {
                    break;
                }
                step /= 2;
            }
            if (nextF > f || step < 1e-12) {
                break;
            }
            double[] s = new double[w.length];
            double[] y = new double[w.length];
            for (int k = 0; k < w.length; k++) {
                s[k] = next[k] - w[k];
                y[k] = nextG[k] - g[k];
            }
            if (dot(s, y) > 1e-12) {
                history.addLast(new double[][] {s, y});
                if (history.size() > HISTORY) {
                    history.removeFirst();
                }
            }
            w = next;
            g = nextG;
            f = nextF;
        }
        double norm = maxAbs(g);
        return new Fit(unflatten(w, classes, d), norm <= TOLERANCE, iteration, norm);
    }

    static int predict(double[][] w, double[] x) {
        int best = 0;
        double bestLogit = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            double logit = logit(w[c], 0, x);
            if (logit > bestLogit) {
                bestLogit = logit;
                best = c;
            }
        }
        return best;
    }

    /** The two-loop recursion: -H g with H the L-BFGS inverse-Hessian estimate. */
    private static double[] direction(double[] g, Deque<double[][]> history) {
        double[] q = g.clone();
        int m = history.size();
        double[] alpha = new double[m];
        double[][][] pairs = history.toArray(new double[0][][]);
        for (int i = m - 1; i >= 0; i--) {
            double[] s = pairs[i][0];
            double[] y = pairs[i][1];
            alpha[i] = dot(s, q) / dot(y, s);
            for (int k = 0; k < q.length; k++) {
                q[k] -= alpha[i] * y[k];
            }
        }
        if (m > 0) {
            double[] s = pairs[m - 1][0];
            double[] y = pairs[m - 1][1];
            double gamma = dot(s, y) / dot(y, y);
            for (int k = 0; k < q.length; k++) {
                q[k] *= gamma;
            }
        }
        for (int i = 0; i < m; i++) {
            double[] s = pairs[i][0];
            double[] y = pairs[i][1];
            double beta = dot(y, q) / dot(y, s);
            for (int k = 0; k < q.length; k++) {
                q[k] += (alpha[i] - beta) * s[k];
            }
        }
        return scale(q, -1);
    }

    /** Mean cross-entropy over {@code rows} plus the penalty, and its gradient, for flattened weights. */
    private record Objective(double[][] x, int[] labels, int[] rows, int classes, int d, double penalty) {

        double value(double[] w, double[] gradient) {
            java.util.Arrays.fill(gradient, 0);
            double[] p = new double[classes];
            double loss = 0;
            for (int i : rows) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    p[c] = logit(w, c * (d + 1), x[i]);
                    max = Math.max(max, p[c]);
                }
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    p[c] = Math.exp(p[c] - max);
                    sum += p[c];
                }
                loss += Math.log(sum) + max - logit(w, labels[i] * (d + 1), x[i]);
                for (int c = 0; c < classes; c++) {
                    double err = (p[c] / sum - (labels[i] == c ? 1 : 0)) / rows.length;
                    int at = c * (d + 1);
                    for (int k = 0; k < d; k++) {
                        gradient[at + k] += err * x[i][k];
                    }
                    gradient[at + d] += err;
                }
            }
            double squares = 0;
            for (int c = 0; c < classes; c++) {
                int at = c * (d + 1);
                for (int k = 0; k < d; k++) {
                    squares += w[at + k] * w[at + k];
                    gradient[at + k] += penalty * w[at + k];
                }
            }
            return loss / rows.length + 0.5 * penalty * squares;
        }
    }

    private static double logit(double[] w, int at, double[] x) {
        double s = w[at + x.length];
        for (int k = 0; k < x.length; k++) {
            s += w[at + k] * x[k];
        }
        return s;
    }

    private static double[][] unflatten(double[] w, int classes, int d) {
        double[][] out = new double[classes][d + 1];
        for (int c = 0; c < classes; c++) {
            System.arraycopy(w, c * (d + 1), out[c], 0, d + 1);
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static double[] scale(double[] a, double factor) {
        double[] out = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            out[k] = a[k] * factor;
        }
        return out;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
