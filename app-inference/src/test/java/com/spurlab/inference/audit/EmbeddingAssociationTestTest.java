package com.spurlab.inference.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddingAssociationTestTest {

    private static final double R = 1 / Math.sqrt(2);

    private static ConceptSet set(String name, float[]... vectors) {
        return new ConceptSet(name, vectors, "hand-made", false);
    }

    /**
     * A = {(1,0), (1,1)}, B = {(0,1)}; X = {(1,0), (1,1)}, Y = {(0,1), (0,2)}. With r = 1/√2:
     * s(x1) = (1 + r)/2, s(x2) = (r + 1)/2 - r = (1 - r)/2, s(y1) = s(y2) = r/2 - 1.
     * mean_X = 1/2, mean_Y = r/2 - 1 ≈ -0.646447, numerator ≈ 1.146447; the sample standard deviation
     * of the four values (divisor 3) is ≈ 0.722113, so d ≈ 1.58763 (divisor 4 would give ≈ 1.8332).
     */
    @Test
    void effectSizeMatchesTheHandComputedExampleWithTheSampleStandardDeviation() {
        ConceptSet x = set("x", new float[] {1, 0}, new float[] {1, 1});
        ConceptSet y = set("y", new float[] {0, 1}, new float[] {0, 2});
        ConceptSet a = set("a", new float[] {1, 0}, new float[] {1, 1});
        ConceptSet b = set("b", new float[] {0, 1});

        double[] s = EmbeddingAssociationTest.associations(new float[][] {{1, 0}, {1, 1}, {0, 1}, {0, 2}},
                a.embeddings(), b.embeddings());
        assertThat(s).containsExactly(new double[] {(1 + R) / 2, (1 - R) / 2, R / 2 - 1, R / 2 - 1}, within(1e-7));

        AssociationResult result = EmbeddingAssociationTest.run(ConceptDesign.ISOLATED_CONCEPTS, x, y, a, b, AssociationSettings.defaults(1));
        assertThat(result.effectSize()).isCloseTo(1.58763, within(1e-4));
        assertThat(result.difference()).isCloseTo(0.5 - (R / 2 - 1), within(1e-7));
        assertThat(result.target()).isEqualTo("x vs y");
        assertThat(result.attribute()).isEqualTo("a vs b");
        assertThat(result.n()).isEqualTo(4);
        // C(4, 2) = 6 partitions; only the observed one puts both high values in X: p = 1/6.
        assertThat(result.exact()).isTrue();
        assertThat(result.partitions()).isEqualTo(6);
        assertThat(result.pValue()).isCloseTo(1.0 / 6, within(1e-12));
    }

    @Test
    void swappingTheAttributesFlipsTheSignOfTheEffect() {
        ConceptSet x = set("x", new float[] {1, 0}, new float[] {1, 1});
        ConceptSet y = set("y", new float[] {0, 1}, new float[] {0, 2});
        ConceptSet a = set("a", new float[] {1, 0}, new float[] {1, 1});
        ConceptSet b = set("b", new float[] {0, 1});

        assertThat(EmbeddingAssociationTest.run(ConceptDesign.ISOLATED_CONCEPTS, x, y, b, a, AssociationSettings.defaults(1)).effectSize())
                .isCloseTo(-1.58763, within(1e-4));
    }

    /** Brute force over every subset of size nx: the share whose mean difference reaches the observed one. */
    private static double enumerated(double[] values, int nx) {
        int n = values.length;
        double observed = meanDifference(values, (1 << nx) - 1);
        long hits = 0;
        long total = 0;
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) == nx) {
                total++;
                if (meanDifference(values, mask) >= observed - 1e-12) {
                    hits++;
                }
            }
        }
        return (double) hits / total;
    }

    private static double meanDifference(double[] values, int maskX) {
        double sx = 0;
        double sy = 0;
        int nx = Integer.bitCount(maskX);
        for (int i = 0; i < values.length; i++) {
            if ((maskX >> i & 1) == 1) {
                sx += values[i];
            } else {
                sy += values[i];
            }
        }
        return sx / nx - sy / (values.length - nx);
    }

    @Test
    void exactPermutationTestEqualsABruteForceEnumerationOfUnequalSets() {
        Random random = new Random(3);
        double[] values = new double[13];
        for (int i = 0; i < values.length; i++) {
            // X a little higher than Y, so p lands well inside (0, 1).
            values[i] = random.nextGaussian() + (i < 5 ? 0.6 : 0);
        }
        double truth = enumerated(values, 5);
        assertThat(truth).isBetween(0.01, 0.5);

        PermutationTest.Outcome exact = PermutationTest.oneSided(values, 5, 100_000, 10_000, 9);
        assertThat(exact.exact()).isTrue();
        assertThat(exact.partitions()).isEqualTo(1287);
        assertThat(exact.pValue()).isCloseTo(truth, within(1e-12));

        PermutationTest.Outcome sampled = PermutationTest.oneSided(values, 5, 1, 40_000, 9);
        assertThat(sampled.exact()).isFalse();
        assertThat(sampled.partitions()).isEqualTo(40_000);
        // Binomial standard error at p ~ 0.1 with 40 000 draws is 0.0015.
        assertThat(sampled.pValue()).isCloseTo(truth, within(0.006));
    }

    @Test
    void theSampledTestCountsTheObservedPartitionSoPIsNeverZero() {
        double[] values = new double[200];
        for (int i = 0; i < values.length; i++) {
            values[i] = i < 100 ? 1 + i * 1e-3 : -1 - i * 1e-3;
        }
        PermutationTest.Outcome separated = PermutationTest.oneSided(values, 100, 100_000, 10_000, 4);
        assertThat(separated.exact()).isFalse();
        assertThat(separated.pValue()).isEqualTo(1.0 / 10_001);

        PermutationTest.Outcome reversed = PermutationTest.oneSided(reverse(values), 100, 100_000, 10_000, 4);
        assertThat(reversed.pValue()).isEqualTo(1.0);
    }

    private static double[] reverse(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[values.length - 1 - i];
        }
        return out;
    }

    @Test
    void sameSeedSamePValueAndTheDefaultSwitchesToSamplingAboveAHundredThousandPartitions() {
        Random random = new Random(5);
        double[] values = random.doubles(40).toArray();
        AssociationSettings settings = AssociationSettings.defaults(11);
        PermutationTest.Outcome first = PermutationTest.oneSided(values, 20, settings.exactLimit(), settings.permutations(), 11);
        PermutationTest.Outcome second = PermutationTest.oneSided(values, 20, settings.exactLimit(), settings.permutations(), 11);
        assertThat(first).isEqualTo(second);
        assertThat(first.exact()).isFalse();
        // C(17, 8) = 24 310 is enumerated, C(18, 9) = 48 620 too, C(20, 10) = 184 756 is not.
        assertThat(PermutationTest.binomial(18, 9, 100_000)).isEqualTo(48_620);
        assertThat(PermutationTest.binomial(20, 10, 100_000)).isEqualTo(100_001);
        assertThat(PermutationTest.oneSided(random.doubles(18).toArray(), 9, 100_000, 10_000, 1).exact()).isTrue();
    }

    @Test
    void theEndToEndTestAgreesWithNaiveCosinesAndABruteForcePermutation() {
        Random random = new Random(8);
        float[][] x = vectors(random, 6, 0.8f);
        float[][] y = vectors(random, 5, -0.8f);
        float[][] a = vectors(random, 7, 1f);
        float[][] b = vectors(random, 4, -1f);
        double[] s = new double[11];
        for (int i = 0; i < 11; i++) {
            float[] w = i < 6 ? x[i] : y[i - 6];
            s[i] = meanCos(w, a) - meanCos(w, b);
        }
        AssociationResult result = EmbeddingAssociationTest.run(ConceptDesign.CUE_CONTRAST, new ConceptSet("x", x, "", false),
                new ConceptSet("y", y, "", false), new ConceptSet("a", a, "", false), new ConceptSet("b", b, "", true),
                AssociationSettings.defaults(2));

        assertThat(result.pValue()).isCloseTo(enumerated(s, 6), within(1e-12));
        assertThat(result.exact()).isTrue();
        assertThat(result.approximate()).isTrue();
        assertThat(result.effectSize()).isPositive();
        assertThat(result.effectSizeCiLow()).isLessThanOrEqualTo(result.effectSize());
        assertThat(result.effectSizeCiHigh()).isGreaterThanOrEqualTo(result.effectSize());
        assertThat(new int[] {result.sizeX(), result.sizeY(), result.sizeA(), result.sizeB()}).containsExactly(6, 5, 7, 4);
    }

    /** 8-d vectors whose first coordinate leans by {@code shift}. */
    private static float[][] vectors(Random random, int n, float shift) {
        float[][] out = new float[n][8];
        for (float[] v : out) {
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) random.nextGaussian() + (k == 0 ? shift : 0);
            }
        }
        return out;
    }

    private static double meanCos(float[] w, float[][] set) {
        double sum = 0;
        for (float[] v : set) {
            double dot = 0;
            double nw = 0;
            double nv = 0;
            for (int k = 0; k < w.length; k++) {
                dot += w[k] * v[k];
                nw += w[k] * w[k];
                nv += v[k] * v[k];
            }
            sum += dot / Math.sqrt(nw * nv);
        }
        return sum / set.length;
    }

    @Test
    void refusesSetsOfDifferentDimensions() {
        assertThatThrownBy(() -> EmbeddingAssociationTest.run(ConceptDesign.CUE_CONTRAST, set("x", new float[] {1, 0}), set("y", new float[] {0, 1}),
                set("a", new float[] {1, 0, 0}), set("b", new float[] {0, 1}), AssociationSettings.defaults(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 3");
    }
}
