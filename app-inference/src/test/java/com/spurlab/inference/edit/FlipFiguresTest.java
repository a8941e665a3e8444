package com.spurlab.inference.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The confirmation figures from hand-made pairs, and the Wilson interval they use against published values. */
class FlipFiguresTest {

    /** Newcombe (1998), Statistics in Medicine 17:857-872, Table II, method 3 (score, no continuity correction). */
    @ParameterizedTest
    @CsvSource({"81, 263, 0.2553, 0.3662", "15, 148, 0.0624, 0.1605", "0, 20, 0.0000, 0.1611", "1, 29, 0.0061, 0.1718",
            "5, 10, 0.2366, 0.7634", "10, 10, 0.7225, 1.0000"})
    void theWilsonIntervalMatchesNewcombesPublishedValues(int successes, int trials, double low, double high) {
        double[] ci = FlipFigures.wilson95(successes, trials);
        assertThat(ci[0]).isCloseTo(low, within(5e-5));
        assertThat(ci[1]).isCloseTo(high, within(5e-5));
    }

    @Test
    void allOrNoneFlippedLieInsideTheirIntervalExactly() {
        assertThat(FlipFigures.wilson95(60, 60)[1]).isEqualTo(1.0);
        assertThat(FlipFigures.wilson95(0, 60)[0]).isEqualTo(0.0);
        assertThat(FlipFigures.wilson95(59, 60)[1]).isLessThan(1.0);
    }

    @Test
    void noTrialsGiveNoInterval() {
        assertThat(FlipFigures.wilson95(0, 0)).containsExactly(Double.NaN, Double.NaN);
    }

    /** {@code n} pairs of a group: the first {@code correct} were right, of those {@code flips} flipped, {@code controlFlips} under the control. */
    private static List<EditedPair> pairs(String group, int n, int correct, int flips, int controlFlips) {
        List<EditedPair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean right = i < correct;
            int before = right ? 0 : 1;
            boolean flipped = right && i < flips;
            Path control = right ? Path.of("c" + i) : null;
            int controlPrediction = right && i >= correct - controlFlips ? 1 : before;
            pairs.add(new EditedPair(group + i, group, 0, Path.of("o"), Path.of("e"), before, flipped ? 1 : before, right,
                    flipped, control, right ? controlPrediction : -1));
        }
        return pairs;
    }

    @Test
    void theCueIsConfirmedOnlyWhenTheIntervalsLowEndClearsTheControlByTheMargin() {
        List<EditedPair> all = new ArrayList<>(pairs("a|warm", 60, 50, 30, 2));
        all.addAll(pairs("b|cool", 40, 30, 18, 1));
        EditRequest request = EditRequest.of(1, "attribute:background", EditOperation.REPLACE_BACKGROUND);

        EditResult r = FlipFigures.of(request, all, List.of(), List.of());

        assertThat(r.n()).isEqualTo(100);
        assertThat(r.correctBefore()).isEqualTo(80);
        assertThat(r.flipped()).isEqualTo(48);
        assertThat(r.flipRate()).isEqualTo(0.6);
        assertThat(r.controlN()).isEqualTo(80);
        assertThat(r.controlFlipRate()).isCloseTo(3 / 80.0, within(1e-12));
        assertThat(r.ciLow()).isCloseTo(FlipFigures.wilson95(48, 80)[0], within(1e-12)).isGreaterThan(0.48);
        assertThat(r.confirmed()).isTrue();
        assertThat(r.consistency()).isCloseTo(52 / 100.0, within(1e-12));
        assertThat(r.groups()).extracting(GroupConsistency::group, GroupConsistency::n, GroupConsistency::consistent,
                GroupConsistency::flipped).containsExactly(tuple("a|warm", 60, 30, 30),
                tuple("b|cool", 40, 22, 18));
        // Per group, the flip rate and the control's, each with the same interval as the whole run's.
        GroupConsistency warm = r.groups().get(0);
        assertThat(warm.flipRate()).isEqualTo(30 / 50.0);
        assertThat(new double[] {warm.ciLow(), warm.ciHigh()}).containsExactly(FlipFigures.wilson95(30, 50));
        assertThat(warm.controlN()).isEqualTo(50);
        assertThat(warm.controlFlipped()).isEqualTo(2);
        assertThat(warm.controlFlipRate()).isEqualTo(2 / 50.0);
        assertThat(new double[] {warm.controlCiLow(), warm.controlCiHigh()}).containsExactly(FlipFigures.wilson95(2, 50));
        assertThat(r.groups().get(1).controlFlipped()).isEqualTo(1);

        // ciLow 0.491 clears 0.0375 + 0.45 but not 0.0375 + 0.5.
        assertThat(FlipFigures.of(withMargin(0.45), all, List.of(), List.of()).confirmed()).isTrue();
        assertThat(FlipFigures.of(withMargin(0.5), all, List.of(), List.of()).confirmed()).isFalse();
    }

    private static EditRequest withMargin(double margin) {
        return new EditRequest(1, "attribute:background", EditOperation.REPLACE_BACKGROUND, "test", margin, 42L, null);
    }

    @Test
    void withoutCorrectOriginalsOrControlsNothingIsConfirmedAndTheReportSaysWhy() {
        EditRequest request = EditRequest.of(1, "mask", EditOperation.REMOVE_BACKGROUND);
        EditResult none = FlipFigures.of(request, pairs("a", 10, 0, 0, 0), List.of(), List.of());
        assertThat(none.flipRate()).isNaN();
        assertThat(none.confirmed()).isFalse();
        assertThat(none.report()).anySatisfy(l -> assertThat(l).contains("no edited original was classified correctly"));
    }
}
