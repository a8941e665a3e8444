package com.spurlab.inference.synth;

import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Distances between sets of embeddings: the Fréchet distance of the Gaussians fitted to two sets (the FID
 * formula, here in a classifier's embedding space) and the mean pairwise distance within a set (diversity).
 */
final class EmbeddingStatistics {

    private EmbeddingStatistics() {
    }

    /**
     * ||μa − μb||² + Tr(Σa + Σb − 2 (Σa Σb)^½), with sample covariances (n − 1). The trace of the square root is
     * the sum of the square roots of the eigenvalues of Σa^½ Σb Σa^½, which is symmetric and positive semi-definite.
     * Units constant in both sets (a ReLU network's dead units: 49 of 64 in a model trained with strong weight
     * decay) add nothing to either covariance term and are left out of the matrices; they still count in the mean
     * shift. The square roots come from a singular value decomposition (Commons Math), which for a symmetric positive
     * semi-definite matrix is its eigen-decomposition: Commons Math's symmetric eigen-solver gave up ("convergence
     * failed") on such a covariance with many zero rows.
     *
     * @return NaN when a set has fewer than two embeddings
     */
    static double frechet(float[][] a, float[][] b) {
        if (a.length < 2 || b.length < 2) {
            return Double.NaN;
        }
        double[] meanA = mean(a);
        double[] meanB = mean(b);
        double shift = 0;
        for (int k = 0; k < meanA.length; k++) {
            shift += (meanA[k] - meanB[k]) * (meanA[k] - meanB[k]);
        }
        int[] varying = varying(a, b);
        if (varying.length == 0) {
            return shift;
        }
        RealMatrix covA = covariance(a, meanA, varying);
        RealMatrix covB = covariance(b, meanB, varying);
        RealMatrix rootA = sqrt(covA);
        double crossRoot = 0;
        for (double sigma : new SingularValueDecomposition(symmetrised(rootA.multiply(covB).multiply(rootA)))
                .getSingularValues()) {
            crossRoot += Math.sqrt(sigma);
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

    /** The units that vary within at least one of the sets; the others have zero rows in both covariances. */
    private static int[] varying(float[][] a, float[][] b) {
        return IntStream.range(0, a[0].length).filter(k -> varies(a, k) || varies(b, k)).toArray();
    }

    private static boolean varies(float[][] e, int k) {
        for (float[] row : e) {
            if (row[k] != e[0][k]) {
                return true;
            }
        }
        return false;
    }

    private static RealMatrix covariance(float[][] e, double[] mean, int[] units) {
        int d = units.length;
        double[][] c = new double[d][d];
        for (float[] row : e) {
            for (int i = 0; i < d; i++) {
                double di = row[units[i]] - mean[units[i]];
                for (int j = i; j < d; j++) {
                    c[i][j] += di * (row[units[j]] - mean[units[j]]);
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

    /**
     * The symmetric positive semi-definite square root U diag(√σ) Uᵀ, from the singular value decomposition
     * U diag(σ) Vᵀ of a symmetric positive semi-definite matrix (U = V up to the signs of columns with σ = 0).
     */
    static RealMatrix sqrt(RealMatrix symmetric) {
        SingularValueDecomposition svd = new SingularValueDecomposition(symmetric);
        double[] sigma = svd.getSingularValues();
        RealMatrix u = svd.getU();
        int d = sigma.length;
        double[][] scaled = new double[u.getRowDimension()][d];
        for (int i = 0; i < scaled.length; i++) {
            for (int j = 0; j < d; j++) {
                scaled[i][j] = u.getEntry(i, j) * Math.sqrt(sigma[j]);
            }
        }
        return new Array2DRowRealMatrix(scaled, false).multiply(u.transpose());
    }

    /** (M + Mᵀ) / 2: removes the rounding asymmetry a product of symmetric matrices picks up. */
    private static RealMatrix symmetrised(RealMatrix m) {
        return m.add(m.transpose()).scalarMultiply(0.5);
    }
}
