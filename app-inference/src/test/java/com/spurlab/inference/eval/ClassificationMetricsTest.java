package com.spurlab.inference.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    private static Prediction p(String id, int label, int predicted, float confidence, String group) {
        return new Prediction(id, label, predicted, confidence, group);
    }

    @Test
    void confusionPrecisionRecallAndErrorsWithTheirIds() {
        List<Prediction> predictions = List.of(p("a", 0, 0, 0.9f, "x"), p("b", 0, 1, 0.6f, "x"), p("c", 1, 1, 0.8f, "y"),
                p("d", 1, 1, 0.7f, "y"), p("e", 1, 0, 0.55f, "y"));

        ClassificationReport r = ClassificationMetrics.evaluate(predictions, 3);

        assertThat(r.confusion()[0]).containsExactly(1, 1, 0);
        assertThat(r.confusion()[1]).containsExactly(1, 2, 0);
        assertThat(r.precision()[0]).isEqualTo(0.5);
        assertThat(r.precision()[1]).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.precision()[2]).isNaN();
        assertThat(r.recall()[0]).isEqualTo(0.5);
        assertThat(r.recall()[1]).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.recall()[2]).isNaN();
        assertThat(r.errors()).extracting(Prediction::sampleId).containsExactly("b", "e");
    }

    @Test
    void expectedCalibrationErrorIsTheCountWeightedGapPerConfidenceBin() {
        // Bin [0.6, 0.667): one right at 0.62 -> |1 - 0.62|; bin [0.933, 1]: two at 0.95, one right -> |0.5 - 0.95|.
        List<Prediction> predictions = List.of(p("a", 0, 0, 0.62f, null), p("b", 0, 0, 0.95f, null),
                p("c", 1, 0, 0.95f, null));

        ClassificationReport report = ClassificationMetrics.evaluate(predictions, 2);
        double ece = report.expectedCalibrationError();

        assertThat(ece).isCloseTo((1 * Math.abs(1 - 0.62) + 2 * Math.abs(0.5 - 0.95)) / 3, within(1e-6));
        // The same bins as a reliability diagram: only the non-empty ones, lowest confidence first.
        assertThat(report.reliability()).hasSize(2);
        CalibrationBin high = report.reliability().get(1);
        assertThat(high.low()).isCloseTo(14.0 / 15, within(1e-12));
        assertThat(high.n()).isEqualTo(2);
        assertThat(high.meanConfidence()).isCloseTo(0.95, within(1e-6));
        assertThat(high.accuracy()).isEqualTo(0.5);
        assertThat(report.reliability().get(0).accuracy()).isEqualTo(1.0);
        List<Prediction> perfect = List.of(p("a", 0, 0, 1f, null), p("b", 1, 1, 1f, null));
        assertThat(ClassificationMetrics.evaluate(perfect, 2).expectedCalibrationError()).isCloseTo(0, within(1e-9));
    }

    @Test
    void refusesAnEmptySplitAndLabelsOutOfRange() {
        assertThatThrownBy(() -> ClassificationMetrics.evaluate(List.of(), 2)).hasMessageContaining("split is empty");
        assertThatThrownBy(() -> ClassificationMetrics.evaluate(List.of(p("z", 2, 0, 0.9f, null)), 2))
                .hasMessageContaining("sample z").hasMessageContaining("outside 0..1");
    }

    @Test
    void trainWeightedAccuracyWeighsGroupsByTheirTrainingShare() {
        EvaluationReport report = GroupMetrics.evaluate(List.of(p("a", 0, 0, 0.9f, "big"), p("b", 0, 1, 0.9f, "small")), 1);

        assertThat(GroupMetrics.trainWeightedAccuracy(report, Map.of("big", 90, "small", 10))).isCloseTo(0.9, within(1e-12));
        assertThatThrownBy(() -> GroupMetrics.trainWeightedAccuracy(report, Map.of("other", 5)))
                .hasMessageContaining("none of the groups");
    }
}
