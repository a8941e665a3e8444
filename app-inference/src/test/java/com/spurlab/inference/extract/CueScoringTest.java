package com.spurlab.inference.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CueScoringTest {

    /**
     * 40 split samples: class 0 = ids 0..19 (0..9 carry the cue, 8 of them wrong; 10..19 without it, 1 wrong),
     * class 1 = ids 20..39 (20..24 carry the cue, none wrong; 1 error without). Train: 100 samples, 50 per class;
     * the cue is on 27 of class 1 and 3 of class 0.
     */
    private static final Outcomes OUTCOMES;
    private static final CueCandidate CUE;

    static {
        int n = 40;
        String[] ids = new String[n];
        int[] labels = new int[n];
        boolean[] errors = new boolean[n];
        float[] confidence = new float[n];
        BitSet split = new BitSet();
        for (int i = 0; i < n; i++) {
            ids[i] = "s" + i;
            labels[i] = i < 20 ? 0 : 1;
            confidence[i] = 0.5f + i / 100f;
        }
        split.set(0, 10);
        split.set(20, 25);
        for (int i = 0; i < 8; i++) {
            errors[i] = true;
        }
        errors[12] = true;
        errors[30] = true;
        OUTCOMES = new Outcomes(ids, labels, errors, confidence, 2);
        int[] referenceLabels = new int[100];
        BitSet reference = new BitSet();
        for (int r = 0; r < 100; r++) {
            referenceLabels[r] = r < 50 ? 0 : 1;
        }
        reference.set(0, 3);
        reference.set(50, 77);
        CUE = new CueCandidate("keyword:warm", CueKind.KEYWORD, split, reference, referenceLabels);
    }

    @Test
    void liftIntervalAssociationAndScoreMatchHandComputedValues() {
        List<Cue> rows = new CueScoring(OUTCOMES, List.of("coat", "bag"), 3).score(CUE);

        assertThat(rows).hasSize(1);
        Cue row = rows.get(0);
        assertThat(row.label()).isEqualTo("coat");
        assertThat(row.predicts()).isEqualTo("bag");
        assertThat(row.n()).isEqualTo(10);
        assertThat(row.errors()).isEqualTo(8);
        assertThat(row.errorRate()).isEqualTo(0.8);
        assertThat(row.errorRateLow()).isCloseTo(0.49016, within(1e-5));
        // lift 0.8 / 0.1 with Katz's interval
        assertThat(row.lift()).isCloseTo(8.0, within(1e-9));
        assertThat(row.ciLow()).isCloseTo(1.21459, within(1e-5));
        assertThat(row.ciHigh()).isCloseTo(52.6926, within(1e-3));
        // (Wilson low of 27/30 - 0.5) / 0.5
        assertThat(row.association()).isCloseTo(0.487578, within(1e-6));
        // association x Newcombe low of 8/10 - 1/10
        assertThat(row.score()).isCloseTo(0.487578 * 0.265827, within(1e-5));
        // most confident errors first: s7 (0.57) .. s5
        assertThat(row.evidence()).containsExactly("s7", "s6", "s5");
    }

    @Test
    void aCueThatPredictsNoOtherClassInTrainScoresZero() {
        BitSet everywhere = new BitSet();
        everywhere.set(0, 100);
        CueCandidate uniform = new CueCandidate("keyword:background", CueKind.KEYWORD, CUE.split(), everywhere,
                CUE.referenceLabels());

        List<Cue> rows = new CueScoring(OUTCOMES, List.of("coat", "bag"), 3).score(uniform);

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.association()).isZero();
            assertThat(r.score()).isZero();
            assertThat(r.lift()).isCloseTo(8.0, within(1e-9));
        });
    }

    @Test
    void aCueWithoutMoreErrorsOrWithTooFewSamplesGivesNoRow() {
        BitSet few = new BitSet();
        few.set(0, 4);
        CueCandidate rare = new CueCandidate("text:sale", CueKind.TEXT, few, CUE.reference(), CUE.referenceLabels());
        BitSet correctOnes = new BitSet();
        correctOnes.set(13, 19);
        CueCandidate harmless = new CueCandidate("text:ok", CueKind.TEXT, correctOnes, CUE.reference(), CUE.referenceLabels());
        CueScoring scoring = new CueScoring(OUTCOMES, List.of("coat", "bag"), 3);

        assertThat(scoring.score(rare)).isEmpty();
        assertThat(scoring.score(harmless)).isEmpty();
    }
}
