package com.spurlab.inference.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.analysis.MultivariateVectorFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.junit.jupiter.api.Test;

/** DFR's head solver against Commons Math's conjugate gradient, on an objective written out here independently. */
class SoftmaxRegressionTest {

    private static final int CLASSES = 3;
    private static final int D = 4;

    /** Three overlapping Gaussian clouds: not separable, so the optimum is finite for any penalty. */
    private static double[][] clouds(int n, Random random, int[] labels) {
        double[][] x = new double[n][D];
        for (int i = 0; i < n; i++) {
            labels[i] = i % CLASSES;
            for (int k = 0; k < D; k++) {
                x[i][k] = random.nextGaussian() + (k == labels[i] ? 1.5 : 0);
            }
        }
        return x;
    }

    /** mean cross-entropy + penalty / 2 * |W|^2 (bias not penalised), parameters flattened class by class. */
    private static double objective(double[] w, double[][] x, int[] y, double penalty) {
        double loss = 0;
        for (int i = 0; i < x.length; i++) {
            double[] logits = new double[CLASSES];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < CLASSES; c++) {
                logits[c] = w[c * (D + 1) + D];
                for (int k = 0; k < D; k++) {
                    logits[c] += w[c * (D + 1) + k] * x[i][k];
                }
                max = Math.max(max, logits[c]);
            }
            double sum = 0;
            for (double l : logits) {
                sum += Math.exp(l - max);
            }
            loss += max + Math.log(sum) - logits[y[i]];
        }
        double squares = 0;
        for (int c = 0; c < CLASSES; c++) {
            for (int k = 0; k < D; k++) {
                squares += w[c * (D + 1) + k] * w[c * (D + 1) + k];
            }
        }
        return loss / x.length + 0.5 * penalty * squares;
    }

    private static double[] numericGradient(double[] w, double[][] x, int[] y, double penalty) {
        double[] g = new double[w.length];
        for (int k = 0; k < w.length; k++) {
            double[] up = w.clone();
            double[] down = w.clone();
            up[k] += 1e-6;
            down[k] -= 1e-6;
            g[k] = (objective(up, x, y, penalty) - objective(down, x, y, penalty)) / 2e-6;
        }
        return g;
    }

    private static double[] flat(double[][] w) {
        return java.util.Arrays.stream(w).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    @Test
    void reachesTheMinimumThatCommonsMathsConjugateGradientFindsForEveryPenaltyOfTheGrid() {
        int[] y = new int[150];
        double[][] x = clouds(150, new Random(3), y);
        int[] rows = IntStream.range(0, x.length).toArray();
        for (double penalty : new double[] {1e-4, 1e-2, 1}) {
            SoftmaxRegression.Fit fit = SoftmaxRegression.fit(x, y, rows, CLASSES, penalty);

            MultivariateFunction f = w -> objective(w, x, y, penalty);
            MultivariateVectorFunction g = w -> numericGradient(w, x, y, penalty);
            PointValuePair reference = new NonLinearConjugateGradientOptimizer(
                    NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-13, 1e-13))
                    .optimize(new MaxEval(200_000), new ObjectiveFunction(f), new ObjectiveFunctionGradient(g),
                            GoalType.MINIMIZE, new InitialGuess(new double[CLASSES * (D + 1)]));

            assertThat(fit.converged()).as("penalty %s", penalty).isTrue();
            assertThat(fit.gradientNorm()).isLessThanOrEqualTo(SoftmaxRegression.TOLERANCE);
            // At least as low as the reference (which stops a little early on the smallest penalty), and close to it.
            assertThat(objective(flat(fit.weights()), x, y, penalty)).as("penalty %s", penalty)
                    .isLessThanOrEqualTo(reference.getValue() + 1e-9)
                    .isCloseTo(reference.getValue(), within(1e-5));
            for (double component : numericGradient(flat(fit.weights()), x, y, penalty)) {
                assertThat(component).isCloseTo(0, within(1e-4));
            }
        }
    }

    @Test
    void everyPenaltyOfTheGridGivesADifferentHeadOnSeparableData() {
        // Separable: without a penalty the weights would grow for ever; each penalty stops them elsewhere.
        double[][] x = {{-2, 0, 0, 0}, {-1, 1, 0, 0}, {-1.5, -1, 0, 0}, {2, 0, 0, 0}, {1, -1, 0, 0}, {1.5, 1, 0, 0}};
        int[] y = {0, 0, 0, 1, 1, 1};
        int[] rows = IntStream.range(0, x.length).toArray();
        double previous = Double.POSITIVE_INFINITY;
        for (double penalty : new double[] {1e-4, 1e-3, 1e-2, 1e-1, 1}) {
            SoftmaxRegression.Fit fit = SoftmaxRegression.fit(x, y, rows, 2, penalty);
            assertThat(fit.converged()).as("penalty %s", penalty).isTrue();
            for (int i = 0; i < x.length; i++) {
                assertThat(SoftmaxRegression.predict(fit.weights(), x[i])).isEqualTo(y[i]);
            }
            double norm = Math.abs(fit.weights()[1][0] - fit.weights()[0][0]);
            assertThat(norm).as("penalty %s", penalty).isLessThan(previous * 0.8);
            previous = norm;
        }
    }
}
