package com.spurlab.core.results;

import java.util.List;

/**
 * A cue the pilot found, as the dashboard and the report rank them: EXTRACT's figures (how much more often the model
 * errs on images that carry it) and, when an EDIT tested it, the flip rate that confirms it (ASPIRE's test).
 *
 * @param lift             error rate with the cue over error rate without it (null when no EXTRACT ranked it)
 * @param evidence         sample ids of errors that carry the cue, of {@code evidenceVersionId}
 * @param flipRate         share of correct predictions that changed when only the cue was edited (null: not edited)
 * @param controlFlipRate  the same under the control edit (same pixels changed, cue kept)
 * @param confirmed        the flips are the cue's (EDIT's verdict); null when no EDIT tested the cue
 */
public record ConfirmedCue(String cue, String kind, String label, Double lift, Double errorRate, int n,
                           List<Long> evidence, Long evidenceVersionId, Double flipRate, Double flipCiLow,
                           Double flipCiHigh, Double controlFlipRate, Boolean confirmed, Long extractRunId,
                           Long editRunId) {

    public ConfirmedCue {
        evidence = List.copyOf(evidence);
    }
}
