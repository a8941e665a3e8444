package com.spurlab.inference.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CounterfactualConsistencyTest {

    /** n pairs of {@code group} predicted 0 originally; the first {@code flipped} change to 1 under the edit. */
    private static void add(List<CounterfactualPair> out, String group, int n, int flipped, Integer control) {
        for (int i = 0; i < n; i++) {
            out.add(new CounterfactualPair(group + i, group, 0, i < flipped ? 1 : 0, control));
        }
    }

    @Test
    void sharesOfUnchangedPredictionsOverallAndPerGroupWithTheControlEdit() {
        List<CounterfactualPair> pairs = new ArrayList<>();
        add(pairs, "t-shirt|warm", 40, 30, 0);
        add(pairs, "dress|cool", 60, 6, 0);
        pairs.add(new CounterfactualPair("x", "dress|cool", 0, 0, 1));
        ConsistencyReport report = CounterfactualConsistency.of(pairs);

        assertThat(report.overall().successes()).isEqualTo(65);
        assertThat(report.overall().n()).isEqualTo(101);
        assertThat(report.control().value()).isCloseTo(100.0 / 101, within(1e-12));
        assertThat(report.lowestGroup()).isEqualTo("t-shirt|warm");
        assertThat(report.groups()).extracting(GroupConsistency::group).containsExactly("dress|cool", "t-shirt|warm");
        assertThat(report.groups().get(1).consistency().value()).isEqualTo(0.25);
        assertThat(report.groups().get(0).consistency().value()).isCloseTo(55.0 / 61, within(1e-12));
        assertThat(report.groups().get(0).control().value()).isCloseTo(60.0 / 61, within(1e-12));
    }

    @Test
    void withoutControlEditsThereIsNoControlFigure() {
        List<CounterfactualPair> pairs = new ArrayList<>();
        add(pairs, "g", 10, 1, null);
        ConsistencyReport report = CounterfactualConsistency.of(pairs);

        assertThat(report.control()).isNull();
        assertThat(report.groups().get(0).control()).isNull();
        assertThat(report.overall().value()).isEqualTo(0.9);
        assertThat(report.overall().tooSmall()).isTrue();
    }

    @Test
    void refusesAnEmptyEditRun() {
        assertThatThrownBy(() -> CounterfactualConsistency.of(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("edited no sample");
    }
}
