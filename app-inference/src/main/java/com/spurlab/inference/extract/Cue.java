package com.spurlab.inference.extract;

import java.util.List;

/**
 * One suspected cue, a row of DESIGN's cue result. For ATTRIBUTE, KEYWORD and TEXT cues the figures
 * compare, within {@code label}, the samples that carry the cue with those that do not; for a SLICE,
 * its members with the rest of the split; for SALIENCY, see {@link SaliencyByLabel}.
 *
 * @param rank          1 = most suspect
 * @param cue           the cue's name, e.g. {@code attribute:background=warm}, {@code keyword:warm}, {@code text:sale},
 *                      {@code slice:0}, {@code mask}
 * @param kind          where the cue comes from
 * @param label         the class within which the cue raises errors
 * @param n             samples of the split that carry the cue (within {@code label}; a slice's members)
 * @param errors        the model's errors among those {@code n}
 * @param errorRate     errors / n
 * @param errorRateLow  Wilson 95 % interval of the error rate, lower end
 * @param errorRateHigh upper end
 * @param lift          error rate with the cue divided by the error rate without it (same label); for SALIENCY the
 *                      gradient mass outside the mask divided by the area outside it
 * @param ciLow         Katz log 95 % interval of the lift, lower end
 * @param ciHigh        upper end
 * @param predicts      the class the cue points to in the reference data (train), or {@code null}
 * @param association   how much better than chance the cue predicts {@code predicts}: (P(class | cue) - P(class)) /
 *                      (1 - P(class)) with P(class | cue) at its Wilson lower bound; 0..1
 * @param score         the ranking score, see {@link CueExtractor}
 * @param evidence      sample ids of errors that carry the cue, most confident errors first
 * @param describedBy   for a SLICE, the named cues over-represented among its members; empty otherwise
 */
public record Cue(int rank, String cue, CueKind kind, String label, int n, int errors, double errorRate,
        double errorRateLow, double errorRateHigh, double lift, double ciLow, double ciHigh, String predicts,
        double association, double score, List<String> evidence, List<String> describedBy) {

    public Cue {
        evidence = List.copyOf(evidence);
        describedBy = List.copyOf(describedBy);
    }

    Cue ranked(int newRank) {
        return new Cue(newRank, cue, kind, label, n, errors, errorRate, errorRateLow, errorRateHigh, lift, ciLow, ciHigh,
                predicts, association, score, evidence, describedBy);
    }
}
