package com.spurlab.inference.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** The Fréchet distance and the diversity against values worked out by hand. */
class EmbeddingStatisticsTest {

    @Test
    void frechetDistanceInOneDimensionIsTheMeanShiftPlusTheSpreadDifference() {
        // a: mean 1, variance 2; b: mean 3, variance 8 -> (1 - 3)^2 + 2 + 8 - 2 * sqrt(2 * 8) = 6.
        float[][] a = {{0}, {2}};
        float[][] b = {{1}, {5}};
        assertThat(EmbeddingStatistics.frechet(a, b)).isCloseTo(6.0, within(1e-9));
        assertThat(EmbeddingStatistics.frechet(a, a)).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void frechetDistanceMatchesTheClosedFormWhenTheCovariancesDoNotCommute() {
        Random random = new Random(3);
        float[][] a = new float[400][2];
        float[][] b = new float[300][2];
        for (float[] row : a) {
            double x = random.nextGaussian();
            double y = random.nextGaussian();
            row[0] = (float) (2 * x + 1);
            row[1] = (float) (x + 0.5 * y);
        }
        for (float[] row : b) {
            double x = random.nextGaussian();
            double y = random.nextGaussian();
            row[0] = (float) (0.5 * x - 1);
            row[1] = (float) (-x + 3 * y + 2);
        }
        double[][] ca = covariance(a);
        double[][] cb = covariance(b);
        double[] ma = mean(a);
        double[] mb = mean(b);
        // For 2x2 matrices, Tr sqrt(M) = sqrt(tr M + 2 sqrt(det M)), M = Ca Cb.
        double[][] m = {{ca[0][0] * cb[0][0] + ca[0][1] * cb[1][0], ca[0][0] * cb[0][1] + ca[0][1] * cb[1][1]},
                {ca[1][0] * cb[0][0] + ca[1][1] * cb[1][0], ca[1][0] * cb[0][1] + ca[1][1] * cb[1][1]}};
        double traceRoot = Math.sqrt(m[0][0] + m[1][1] + 2 * Math.sqrt(m[0][0] * m[1][1] - m[0][1] * m[1][0]));
        double expected = Math.pow(ma[0] - mb[0], 2) + Math.pow(ma[1] - mb[1], 2) + ca[0][0] + ca[1][1] + cb[0][0]
                + cb[1][1] - 2 * traceRoot;

        assertThat(EmbeddingStatistics.frechet(a, b)).isCloseTo(expected, within(1e-6));
        assertThat(EmbeddingStatistics.frechet(a, b)).isCloseTo(EmbeddingStatistics.frechet(b, a), within(1e-6));
    }

    @Test
    void fewerThanTwoImagesHaveNoDistribution() {
        assertThat(EmbeddingStatistics.frechet(new float[][] {{1}}, new float[][] {{1}, {2}})).isNaN();
        assertThat(EmbeddingStatistics.meanPairwiseDistance(new float[][] {{1}})).isNaN();
    }

    @Test
    void diversityIsTheMeanDistanceOverAllPairs() {
        // Pairs of (0,0), (3,4), (6,8): 5, 10, 5.
        assertThat(EmbeddingStatistics.meanPairwiseDistance(new float[][] {{0, 0}, {3, 4}, {6, 8}}))
                .isCloseTo(20.0 / 3, within(1e-9));
    }

    @Test
    void squareRootOfACovarianceWithManyDeadUnitsSquaresBackToIt() throws Exception {
        // A 64-unit embedding covariance of 23 images, 49 units dead: measured on the stamped-word set, where the
        // symmetric eigen-solver of Commons Math gave up ("convergence failed") and the SYNTHESIZE job failed.
        double[][] m;
        try (var in = getClass().getResourceAsStream("dead-unit-covariance.csv")) {
            m = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).lines()
                    .map(l -> java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
                    .toArray(double[][]::new);
        }
        RealMatrix covariance = new Array2DRowRealMatrix(m);
        RealMatrix root = EmbeddingStatistics.sqrt(covariance);

        assertThat(root.multiply(root).subtract(covariance).getNorm()).isLessThan(1e-9 * covariance.getNorm());
        assertThat(root.subtract(root.transpose()).getNorm()).isLessThan(1e-12 * root.getNorm());
    }

    @Test
    void deadUnitsLeaveTheDistanceOfTheLiveOnesPlusTheirMeanShift() {
        Random random = new Random(5);
        float[][] a = new float[30][];
        float[][] b = new float[40][];
        float[][] liveA = new float[30][];
        float[][] liveB = new float[40][];
        for (int i = 0; i < a.length; i++) {
            liveA[i] = new float[] {(float) random.nextGaussian(), (float) (2 * random.nextGaussian() + 1)};
            // Units 1 and 3 are dead in both sets; unit 3 sits at 0 in a and at 2 in b (a shift of 4).
            a[i] = new float[] {liveA[i][0], 0, liveA[i][1], 0};
        }
        for (int i = 0; i < b.length; i++) {
            liveB[i] = new float[] {(float) (3 * random.nextGaussian()), (float) random.nextGaussian()};
            b[i] = new float[] {liveB[i][0], 0, liveB[i][1], 2};
        }

        assertThat(EmbeddingStatistics.frechet(a, b)).isCloseTo(EmbeddingStatistics.frechet(liveA, liveB) + 4,
                within(1e-9));
    }

    private static double[] mean(float[][] e) {
        double[] m = new double[2];
        for (float[] r : e) {
            m[0] += r[0];
            m[1] += r[1];
        }
        m[0] /= e.length;
        m[1] /= e.length;
        return m;
    }

    private static double[][] covariance(float[][] e) {
        double[] m = mean(e);
        double[][] c = new double[2][2];
        for (float[] r : e) {
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    c[i][j] += (r[i] - m[i]) * (r[j] - m[j]) / (e.length - 1);
                }
            }
        }
        return c;
    }
}
