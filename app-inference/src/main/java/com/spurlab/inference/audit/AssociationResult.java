package com.spurlab.inference.audit;

import java.util.List;

/**
 * One embedding association test: do targets X (vs Y) lie closer to attributes A (vs B)?
 *
 * @param design           how the concept sets were drawn
 * @param target           {@code "X vs Y"}
 * @param attribute        {@code "A vs B"}
 * @param effectSize       d, between about -2 and 2; positive means X goes with A and Y with B
 * @param effectSizeCiLow  percentile bootstrap 95 % interval of d (X and Y resampled, A and B fixed)
 * @param effectSizeCiHigh upper end of that interval
 * @param difference       mean_X s - mean_Y s, d's numerator, in cosine units: unlike d it keeps the association's
 *                         size, which d's division by the spread of s hides (two well separated target sets give
 *                         |d| near 2 for any non-zero difference)
 * @param pValue           one-sided permutation p-value of "X goes with A more than Y does"
 * @param n                |X| + |Y|, the items the permutations re-partition
 * @param exact            true when every partition was enumerated
 * @param partitions       partitions enumerated or drawn
 * @param sizeX            |X|
 * @param sizeY            |Y|
 * @param sizeA            |A|
 * @param sizeB            |B|
 * @param approximate      true when any of the four concept sets is an approximation
 * @param construction     how X, Y, A and B were built, one line each, then how the cue's values were paired with the labels
 */
public record AssociationResult(ConceptDesign design, String target, String attribute, double effectSize, double effectSizeCiLow,
        double effectSizeCiHigh, double difference, double pValue, int n, boolean exact, long partitions, int sizeX, int sizeY, int sizeA,
        int sizeB, boolean approximate, List<String> construction) {

    public AssociationResult {
        construction = List.copyOf(construction);
    }

    /** The same result with one more line of construction, e.g. how the values were paired with the labels. */
    AssociationResult withConstruction(String line) {
        List<String> lines = new java.util.ArrayList<>(construction);
        lines.add(line);
        return new AssociationResult(design, target, attribute, effectSize, effectSizeCiLow, effectSizeCiHigh, difference,
                pValue, n, exact, partitions, sizeX, sizeY, sizeA, sizeB, approximate, lines);
    }
}
