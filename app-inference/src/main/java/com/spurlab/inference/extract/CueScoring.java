package com.spurlab.inference.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Scores a named cue (attribute value, caption keyword, printed word) B2T-style, for each class y:
 * <ul>
 *   <li>error side: within y, the error rate of the samples that carry the cue ({@code k1/n1}) against those that
 *       do not ({@code k0/n0}); lift = ratio (Katz interval), and the Newcombe 95 % interval of the difference;</li>
 *   <li>train side: the cue's association with another class c: (P(c | cue) - P(c)) / (1 - P(c)) in the reference
 *       data, with P(c | cue) taken at its Wilson lower bound, so a cue seen a few times cannot look predictive.</li>
 * </ul>
 * {@code score = association x max(0, lower bound of the error-rate difference)}: a cue is suspect only when it
 * predicts a class in training and, within another class, comes with more errors — both at 95 % confidence. The
 * score reads as "at least this many extra errors per sample with the cue, weighted by how strongly the cue points
 * elsewhere". A row needs {@link #MIN_SUPPORT} samples with and without the cue in the class.
 */
final class CueScoring {

    static final int MIN_SUPPORT = 5;

    private final Outcomes outcomes;
    private final List<String> classNames;
    private final int evidencePerCue;

    CueScoring(Outcomes outcomes, List<String> classNames, int evidencePerCue) {
        this.outcomes = outcomes;
        this.classNames = classNames;
        this.evidencePerCue = evidencePerCue;
    }

    /** The cue's rows: one per class where it comes with more errors than without (lift above 1). */
    List<Cue> score(CueCandidate candidate) {
        double[] association = association(candidate);
        List<Cue> rows = new ArrayList<>();
        for (int y = 0; y < outcomes.classes(); y++) {
            int n1 = 0;
            int k1 = 0;
            int n0 = 0;
            int k0 = 0;
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.labels()[i] != y) {
                    continue;
                }
                boolean error = outcomes.errors()[i];
                if (candidate.split().get(i)) {
                    n1++;
                    k1 += error ? 1 : 0;
                } else {
                    n0++;
                    k0 += error ? 1 : 0;
                }
            }
            if (n1 < MIN_SUPPORT || n0 < MIN_SUPPORT || k1 == 0) {
                continue;
            }
            Proportion with = new Proportion(k1, n1);
            Proportion without = new Proportion(k0, n0);
            Proportion.Interval lift = with.over(without);
            if (lift.estimate() <= 1) {
                continue;
            }
            int predicts = -1;
            for (int c = 0; c < outcomes.classes(); c++) {
                if (c != y && (predicts < 0 || association[c] > association[predicts])) {
                    predicts = c;
                }
            }
            double strength = predicts < 0 ? 0 : association[predicts];
            double score = strength * Math.max(0, with.minus(without).low());
            int label = y;
            rows.add(new Cue(0, candidate.name(), candidate.kind(), classNames.get(y), n1, k1, with.rate(), with.low(),
                    with.high(), lift.estimate(), lift.low(), lift.high(), strength > 0 ? classNames.get(predicts) : null,
                    strength, score, evidence(i -> candidate.split().get(i) && outcomes.labels()[i] == label), List.of()));
        }
        return rows;
    }

    /** Per class c: (P_low(c | cue) - P(c)) / (1 - P(c)) in the reference data, at least 0. */
    static double[] association(CueCandidate candidate, int classes) {
        int[] labels = candidate.referenceLabels();
        int[] withCue = new int[classes];
        int[] all = new int[classes];
        int carriers = 0;
        for (int r = 0; r < labels.length; r++) {
            all[labels[r]]++;
            if (candidate.reference().get(r)) {
                withCue[labels[r]]++;
                carriers++;
            }
        }
        double[] gain = new double[classes];
        if (carriers == 0 || labels.length == 0) {
            return gain;
        }
        for (int c = 0; c < classes; c++) {
            double prior = (double) all[c] / labels.length;
            if (prior >= 1) {
                continue;
            }
            double conditional = new Proportion(withCue[c], carriers).low();
            gain[c] = Math.max(0, (conditional - prior) / (1 - prior));
        }
        return gain;
    }

    private double[] association(CueCandidate candidate) {
        return association(candidate, outcomes.classes());
    }

    /** Errors matching {@code member}, most confident wrong predictions first. */
    List<String> evidence(IntPredicate member) {
        return IntStream.range(0, outcomes.size()).filter(i -> outcomes.errors()[i] && member.test(i)).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -outcomes.confidence()[i]).thenComparing(i -> outcomes.ids()[i]))
                .limit(evidencePerCue).map(i -> outcomes.ids()[i]).toList();
    }
}
