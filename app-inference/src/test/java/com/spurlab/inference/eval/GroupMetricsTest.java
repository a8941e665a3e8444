package com.spurlab.inference.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupMetricsTest {

    /** Adds n predictions of {@code group}, the first {@code correct} of them right. */
    private static void add(List<Prediction> out, String group, int n, int correct) {
        for (int i = 0; i < n; i++) {
            out.add(new Prediction(group + "-" + i, 1, i < correct ? 1 : 0, 0.9f, group));
        }
    }

    private static List<Prediction> handMade() {
        List<Prediction> predictions = new ArrayList<>();
        add(predictions, "dress|warm", 10, 4);   // 0.4, too small
        add(predictions, "t-shirt|cool", 20, 20); // 1.0, exactly at the trust threshold
        add(predictions, "dress|cool", 30, 27);  // 0.9
        return predictions;
    }

    @Test
    void computesAccuracyWorstGroupAverageAndGap() {
        EvaluationReport report = GroupMetrics.evaluate(handMade(), 42);

        assertThat(report.n()).isEqualTo(60);
        assertThat(report.accuracy()).isCloseTo(51.0 / 60, within(1e-12));
        assertThat(report.worstGroup()).isEqualTo("dress|warm");
        assertThat(report.worstGroupAccuracy()).isCloseTo(0.4, within(1e-12));
        assertThat(report.averageGroupAccuracy()).isCloseTo((0.4 + 1.0 + 0.9) / 3, within(1e-12));
        assertThat(report.gap()).isCloseTo(0.85 - 0.4, within(1e-12));
    }

    @Test
    void listsGroupsByNameWithCountsAndTooSmallFlag() {
        EvaluationReport report = GroupMetrics.evaluate(handMade(), 42);

        assertThat(report.groups()).containsExactly(
                new GroupAccuracy("dress|cool", 30, 27, 0.9, false),
                new GroupAccuracy("dress|warm", 10, 4, 0.4, true),
                new GroupAccuracy("t-shirt|cool", 20, 20, 1.0, false));
    }

    @Test
    void bootstrapIntervalContainsTheEstimateAndReflectsTheSmallGroupsNoise() {
        EvaluationReport report = GroupMetrics.evaluate(handMade(), 42);

        assertThat(report.worstGroupCiLow()).isLessThan(report.worstGroupAccuracy());
        assertThat(report.worstGroupCiHigh()).isGreaterThan(report.worstGroupAccuracy());
        // 4/10 has a binomial standard error of about 0.15, so the 95 % interval spans roughly 0.1..0.7.
        assertThat(report.worstGroupCiLow()).isBetween(0.0, 0.2);
        assertThat(report.worstGroupCiHigh()).isBetween(0.6, 0.8);
    }

    @Test
    void bootstrapIsReproducibleForAFixedSeed() {
        EvaluationReport first = GroupMetrics.evaluate(handMade(), 7);
        EvaluationReport second = GroupMetrics.evaluate(handMade(), 7);

        assertThat(second.worstGroupCiLow()).isEqualTo(first.worstGroupCiLow());
        assertThat(second.worstGroupCiHigh()).isEqualTo(first.worstGroupCiHigh());
    }

    @Test
    void perfectGroupsHaveADegenerateInterval() {
        List<Prediction> predictions = new ArrayList<>();
        add(predictions, "a", 25, 25);
        add(predictions, "b", 5, 5);

        EvaluationReport report = GroupMetrics.evaluate(predictions, 1);

        assertThat(report.worstGroupAccuracy()).isEqualTo(1.0);
        assertThat(report.worstGroupCiLow()).isEqualTo(1.0);
        assertThat(report.worstGroupCiHigh()).isEqualTo(1.0);
        assertThat(report.gap()).isZero();
    }

    @Test
    void aPredictionWithoutGroupIsRefusedNotRegroupedByItsLabelIndex() {
        List<Prediction> predictions = List.of(new Prediction("x", 0, 0, 0.8f, "t-shirt"), new Prediction("y", 1, 0, 0.6f, null));

        assertThatThrownBy(() -> GroupMetrics.evaluate(predictions, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prediction y has no group");
    }

    @Test
    void worstGroupAccuracyIsTheMinimumOverGroupsWithSamplesAndTheFirstOnTies() {
        assertThat(GroupMetrics.worstGroupAccuracy(new int[] {10, 0, 4}, new int[] {7, 0, 1})).isEqualTo(0.25);
        assertThat(GroupMetrics.worstGroupAccuracy(new int[] {0, 0}, new int[] {0, 0})).isNaN();
        assertThat(GroupMetrics.worstGroupIndex(new int[] {4, 10, 8}, new int[] {2, 5, 4})).isZero();
        assertThat(GroupMetrics.worstGroupIndex(new int[] {0, 10, 8}, new int[] {0, 5, 2})).isEqualTo(2);
    }

    @Test
    void theGroupWithoutGroupAttributeIsItsClassWhereverGroupsAreFormed() {
        var sample = new com.spurlab.inference.data.LabeledImage("s", java.nio.file.Path.of("s.png"), 1, null);

        assertThat(sample.groupKey(List.of("t-shirt", "dress"))).isEqualTo("dress");
        assertThat(new com.spurlab.inference.data.LabeledImage("s", null, 1, "dress|warm").groupKey(List.of("a", "b")))
                .isEqualTo("dress|warm");
    }

    @Test
    void rejectsEmptyInput() {
        assertThatThrownBy(() -> GroupMetrics.evaluate(List.of(), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void predictionIsCorrectOnlyWhenLabelMatches() {
        assertThat(new Prediction("a", 2, 2, 0.5f, "g").correct()).isTrue();
        assertThat(new Prediction("a", 2, 1, 0.5f, "g").correct()).isFalse();
    }
}
