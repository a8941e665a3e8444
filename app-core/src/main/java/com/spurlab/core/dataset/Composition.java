package com.spurlab.core.dataset;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a version is made of: counts per split, labels, attribute values, and per attribute the counts
 * of label × value per split and the attribute–label association of every split.
 *
 * <p>An attribute is a suspected cue when, in some split, label and attribute are associated both
 * significantly (chi-square test, p below {@value #ALPHA} divided by the number of tests made for the
 * version — Bonferroni) and at least moderately (bias-corrected Cramér's V ≥ {@value #MEDIUM_EFFECT}
 * / sqrt(min(r, k) − 1), Cohen's medium effect w = 0.3). Significance alone flags trivial effects in
 * large uploads; effect alone flags noise in small ones.
 */
public record Composition(Map<String, Integer> splits, List<String> labels, Map<String, List<String>> attributes,
                          Map<String, AttributeComposition> byAttribute) {

    public static final double ALPHA = 0.01;
    public static final double MEDIUM_EFFECT = 0.3;

    /**
     * @param counts      split → label → attribute value → number of samples
     * @param cramersV    bias-corrected Cramér's V on the training split (0 when it has none)
     * @param normalizedMutualInformation on the training split
     * @param suspectedCue see {@link Composition}
     * @param association split → the chi-square test and effect size in that split
     */
    public record AttributeComposition(Map<String, Map<String, Map<String, Integer>>> counts, double cramersV,
                                       double normalizedMutualInformation, boolean suspectedCue,
                                       Map<String, Association> association) {

        /** The largest bias-corrected Cramér's V of any split; 0 when none was measured. */
        public double strongestSplitEffect() {
            return association == null ? 0 : association.values().stream()
                    .mapToDouble(a -> a.cramersV()).max().orElse(0);
        }
    }

    /**
     * Pearson's chi-square test of independence of label and attribute in one split.
     *
     * @param n                samples with a value for the attribute
     * @param labels           labels with samples (rows of the table)
     * @param values           attribute values with samples (columns)
     * @param chiSquare        the statistic
     * @param degreesOfFreedom (labels − 1)(values − 1)
     * @param pValue           probability of a statistic at least this large under independence
     * @param cramersV         Bergsma's bias-corrected Cramér's V, 0..1
     */
    public record Association(int n, int labels, int values, double chiSquare, int degreesOfFreedom, double pValue,
                              double cramersV) {

        /**
         * Significant after Bonferroni over {@code tests} tests, and at least Cohen's medium effect for
         * the table's shape: V ≥ 0.3 / sqrt(min(labels, values) − 1).
         */
        public boolean flags(int tests) {
            return degreesOfFreedom > 0 && pValue < ALPHA / Math.max(1, tests)
                    && cramersV >= MEDIUM_EFFECT / Math.sqrt(Math.min(labels, values) - 1);
        }
    }

    /**
     * The attribute the composition flags most strongly: among the suspected cues, the one with the
     * largest bias-corrected Cramér's V on the training split (then in any split, then by name), e.g.
     * for the default groupBy "label × this attribute". Empty when no attribute is a suspected cue.
     */
    public Optional<String> strongestCue() {
        return byAttribute.entrySet().stream().filter(e -> e.getValue().suspectedCue())
                .sorted(Comparator.<Map.Entry<String, AttributeComposition>>comparingDouble(e -> -e.getValue().cramersV())
                        .thenComparingDouble(e -> -e.getValue().strongestSplitEffect())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).findFirst();
    }
}
