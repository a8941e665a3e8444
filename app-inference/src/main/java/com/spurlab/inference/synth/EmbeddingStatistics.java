package com.spurlab.inference.synth;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Distances between sets of embeddings: the Fréchet distance of the Gaussians fitted to two sets (the FID
 * formula, here in a classifier's embedding space) and the mean pairwise distance within a set (diversity).
 */
final class EmbeddingStatistics {

    private EmbeddingStatistics() {
    }

    /**
     * ||μa − μb||² + Tr(Σa + Σb − 2 (Σa Σb)^½), with sample covariances (n − 1). The trace of the square root is
     * the sum of the square roots of the eigenvalues of Σa^½ Σb Σa^½, which is symmetric and positive semi-definite,
     * so it is computed with a symmetric eigen-decomposition (Commons Math) and stays real where Σa Σb is not
     * symmetric; eigenvalues below zero by rounding count as zero.
     *
     * @return NaN when a set has fewer than two embeddings
     */
    static double frechet(float[][] a, float[][] b) {
        if (a.length < 2 || b.length < 2) {
            return Double.NaN;
        }
        double[] meanA = mean(a);
        double[] meanB = mean(b);
        RealMatrix covA = covariance(a, meanA);
        RealMatrix covB = covariance(b, meanB);
        double shift = 0;
        for (int k = 0; k < meanA.length; k++) {
            shift += (meanA[k] - meanB[k]) * (meanA[k] - meanB[k]);
        }
        RealMatrix rootA = sqrt(covA);
        EigenDecomposition product = new EigenDecomposition(symmetrised(rootA.multiply(covB).multiply(rootA)));
        double crossRoot = 0;
        for (double lambda : product.getRealEigenvalues()) {
            crossRoot += Math.sqrt(Math.max(0, lambda));
        }
        return Math.max(0, shift + covA.getTrace() + covB.getTrace() - 2 * crossRoot);
    }

    /** Mean Euclidean distance over all pairs; NaN for fewer than two embeddings. */
    static double meanPairwiseDistance(float[][] e) {
        if (e.length < 2) {
            return Double.NaN;
        }
        double sum = 0;
        long pairs = 0;
        for (int i = 0; i < e.length; i++) {
            for (int j = i + 1; j < e.length; j++) {
                double d = 0;
                for (int k = 0; k < e[i].length; k++) {
                    double diff = e[i][k] - e[j][k];
                    d += diff * diff;
                }
                sum += Math.sqrt(d);
                pairs++;
            }
        }
        return sum / pairs;
    }

    private static double[] mean(float[][] e) {
        double[] m = new double[e[0].length];
        for (float[] row : e) {
            for (int k = 0; k < m.length; k++) {
                m[k] += row[k];
            }
        }
        for (int k = 0; k < m.length; k++) {
            m[k] /= e.length;
        }
        return m;
    }

    private static RealMatrix covariance(float[][] e, double[] mean) {
        int d = mean.length;
        double[][] c = new double[d][d];
        for (float[] row : e) {
            for (int i = 0; i < d; i++) {
                double di = row[i] - mean[i];
                for (int j = i; j < d; j++) {
                    c[i][j] += di * (row[j] - mean[j]);
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                c[i][j] /= e.length - 1;
                c[j][i] = c[i][j];
            }
        }
        return new Array2DRowRealMatrix(c, false);
    }

    /** The symmetric positive semi-definite square root V diag(√λ) Vᵀ. */
    private static RealMatrix sqrt(RealMatrix symmetric) {
        EigenDecomposition eigen = new EigenDecomposition(symmetric);
        double[] lambda = eigen.getRealEigenvalues();
        RealMatrix v = eigen.getV();
        int d = lambda.length;
        double[][] scaled = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                scaled[i][j] = v.getEntry(i, j) * Math.sqrt(Math.max(0, lambda[j]));
            }
        }
        return new Array2DRowRealMatrix(scaled, false).multiply(v.transpose());
    }

    /** (M + Mᵀ) / 2: removes the rounding asymmetry a product of symmetric matrices picks up. */
    private static RealMatrix symmetrised(RealMatrix m) {
        return m.add(m.transpose()).scalarMultiply(0.5);
    }
}
