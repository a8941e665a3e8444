package com.spurlab.core.audit;

import java.util.List;

/**
 * An AUDIT run's report, as stored in the run's details and served by {@code GET /api/v1/runs/{id}/audit}: DESIGN.md's
 * {@code {split, eat: [{target, attribute, effectSize, pValue, n}], gaps: {accuracy, tpr, fpr},
 * counterfactualConsistency, odmap: {k, original, edited}}} at those names, each figure's interval beside it, then
 * the findings, the approximations and the notes. A figure that does not exist (a gap with one cue value, the value
 * of an empty group) is {@code null}.
 *
 * @param cue                       the audited cue, e.g. {@code attribute:background}
 * @param n                         samples of the split that were audited
 * @param eat                       one embedding association test per label pair and concept design
 * @param counterfactualConsistency share of edited images whose prediction survived; {@code null} without an EDIT run
 * @param consistency               the same with its interval, the control edit's figure and per group; {@code null}
 *                                  without an EDIT run
 * @param odmap                     {@code null} without an EDIT run
 * @param findings                  plain-language conclusions, most worrying first
 * @param approximations            association tests whose concept sets are approximations, and why
 * @param notes                     what could not be computed, and why
 * @param editRunId                 the EDIT run whose pairs were re-scored, or {@code null}
 * @param editOperation             its operation, or {@code null}
 * @param timings                   where the audit's time went, in milliseconds
 */
public record AuditResult(String split, String cue, int n, List<Association> eat, Gaps gaps,
        Double counterfactualConsistency, Consistency consistency, Odmap odmap, List<Finding> findings,
        List<String> approximations, List<String> notes, Long editRunId, String editOperation, Timings timings) {

    /** The concept design whose effect size is a KPI: whole images, so it measures the model and not the edit. */
    public static final String CUE_CONTRAST = "CUE_CONTRAST";

    public AuditResult {
        eat = eat == null ? List.of() : List.copyOf(eat);
        findings = findings == null ? List.of() : List.copyOf(findings);
        approximations = approximations == null ? List.of() : List.copyOf(approximations);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The first cue-contrast association test (the first label pair), or {@code null} when none ran. */
    public Association cueContrast() {
        return eat.stream().filter(a -> CUE_CONTRAST.equals(a.design())).findFirst().orElse(null);
    }

    /**
     * One embedding association test.
     *
     * @param design           CUE_CONTRAST (whole images) or ISOLATED_CONCEPTS (cue and object edited apart)
     * @param target           {@code "X vs Y"}
     * @param attribute        {@code "A vs B"}
     * @param effectSize       d; positive: X goes with A and Y with B, as in the training data
     * @param pValue           one-sided permutation p-value
     * @param n                |X| + |Y|
     * @param difference       d's numerator in cosine units
     * @param exact            every partition enumerated
     * @param approximate      a concept set is an approximation (see {@code construction})
     * @param construction     how X, Y, A and B were built, one line each, and how values were paired with labels
     */
    public record Association(String design, String target, String attribute, Double effectSize, Double pValue, int n,
            Double effectSizeCiLow, Double effectSizeCiHigh, Double difference, boolean exact, long partitions,
            int sizeX, int sizeY, int sizeA, int sizeB, boolean approximate, List<String> construction) {

        public Association {
            construction = construction == null ? List.of() : List.copyOf(construction);
        }
    }

    /**
     * Group gaps: DESIGN's three numbers, their intervals, and the tables behind them.
     *
     * @param accuracy  accuracy − worst-group accuracy
     * @param tpr       the largest TPR difference between two cue values of one class
     * @param fpr       the largest FPR difference between two cue values of one class
     * @param overall   the split's accuracy
     * @param groups    accuracy per label × cue value
     * @param rates     TPR and FPR per class and cue value
     * @param resamples bootstrap resamples behind the intervals
     */
    public record Gaps(Double accuracy, Double tpr, Double fpr, GapIntervals intervals, Share overall,
            Double worstGroupAccuracy, String worstGroup, List<GroupAccuracy> groups, List<ClassRates> rates,
            int resamples) {

        public Gaps {
            groups = groups == null ? List.of() : List.copyOf(groups);
            rates = rates == null ? List.of() : List.copyOf(rates);
        }
    }

    public record GapIntervals(Gap accuracy, Gap tpr, Gap fpr) {
    }

    /**
     * Where a gap lies and its bootstrap 95 % interval.
     *
     * @param label    the class of a TPR/FPR gap; {@code null} for accuracy
     * @param higher   where the rate is highest (a cue value, or {@code all} for accuracy)
     * @param lower    where it is lowest (a cue value, or the worst group)
     * @param tooSmall either side has fewer than 20 samples
     */
    public record Gap(Double ciLow, Double ciHigh, String label, String higher, String lower, boolean tooSmall) {
    }

    /** A share with its Wilson 95 % interval; {@code value} is null for an empty group. */
    public record Share(int successes, int n, Double value, double ciLow, double ciHigh, boolean tooSmall) {
    }

    public record GroupAccuracy(String group, String label, String context, Share accuracy) {
    }

    public record ClassRates(String label, String context, Share tpr, Share fpr) {
    }

    /** @param control the control edit's share, {@code null} when the EDIT run had none */
    public record Consistency(Share overall, Share control, List<GroupConsistency> groups, String lowestGroup) {

        public Consistency {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }

    public record GroupConsistency(String group, Share consistency, Share control) {
    }

    /**
     * ODmAP@k: DESIGN's {@code k, original, edited}, the drop, and their bootstrap intervals.
     *
     * @param original mAP@k of the original queries
     * @param edited   mAP@k of the same queries with the cue edited out
     * @param drop     original − edited
     */
    public record Odmap(int k, Double original, Double edited, Double drop, int queries, int skipped,
            OdmapIntervals intervals, List<GroupRetrieval> groups) {

        public Odmap {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }

    public record OdmapIntervals(Interval original, Interval edited, Interval drop) {
    }

    public record Interval(Double ciLow, Double ciHigh) {
    }

    public record GroupRetrieval(String group, int queries, Double original, Double edited, boolean tooSmall) {
    }

    /**
     * @param metric   {@code eat}, {@code gaps}, {@code consistency} or {@code odmap}
     * @param severity CONCERN, NOTE or OK
     */
    public record Finding(String metric, String severity, String text) {
    }

    public record Timings(long embedding, long concepts, long association, long gaps, long edits, long retrieval) {
    }
}
