package com.spurlab.inference.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.spurlab.inference.eval.Prediction;
import com.spurlab.inference.eval.ScoredSamples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectDeletionRetrievalTest {

    @Test
    void averagePrecisionAtKNormalisesByTheSmallerOfKAndTheRelevantCount() {
        // Hits at ranks 1 and 3 of 5, three relevant items: (1/1 + 2/3) / min(5, 3) = 0.5556.
        assertThat(ObjectDeletionRetrieval.averagePrecision(new boolean[] {true, false, true, false, false}, 3, 5))
                .isCloseTo(5.0 / 9, within(1e-12));
        // Only the first k = 2 count: 1/1 / min(2, 3) = 0.5.
        assertThat(ObjectDeletionRetrieval.averagePrecision(new boolean[] {true, false, true}, 3, 2)).isEqualTo(0.5);
        // Two relevant items at ranks 2 and 3: (1/2 + 2/3) / min(5, 2) = 0.5833.
        assertThat(ObjectDeletionRetrieval.averagePrecision(new boolean[] {false, true, true, false, false}, 2, 5))
                .isCloseTo(7.0 / 12, within(1e-12));
        assertThat(ObjectDeletionRetrieval.averagePrecision(new boolean[] {true, true}, 2, 10)).isEqualTo(1.0);
    }

    private static float[] at(double degrees) {
        double r = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
    }

    /**
     * Unit vectors at 0°, 10°, 20°, 60°, 70°, 80° with labels a, a, b, b, a, b. Query s0 (0°) retrieves
     * s1, s2, s3 (relevant, not, not; R = 2): AP@3 = 1/2. Its edit at 77° retrieves s5, s4, s3: 1/2 / 2 = 0.25.
     * Query s3 (60°) retrieves s4, s5, s2 (not, relevant, relevant): (1/2 + 2/3) / 2 = 7/12. Its edit at 14°
     * retrieves s1, s2, s0: 1/2 / 2 = 0.25.
     */
    @Test
    void handComputedRetrievalBeforeAndAfterTheEdit() {
        double[] angles = {0, 10, 20, 60, 70, 80};
        int[] labels = {0, 0, 1, 1, 0, 1};
        List<Prediction> predictions = new ArrayList<>();
        float[][] embeddings = new float[6][];
        for (int i = 0; i < 6; i++) {
            predictions.add(new Prediction("s" + i, labels[i], labels[i], 1f, (labels[i] == 0 ? "a" : "b") + "|warm"));
            embeddings[i] = at(angles[i]);
        }
        OdmapReport report = ObjectDeletionRetrieval.of(new ScoredSamples(predictions, embeddings),
                Map.of("s0", at(77), "s3", at(14)), 3, 500, 1);

        assertThat(report.k()).isEqualTo(3);
        assertThat(report.queries()).isEqualTo(2);
        assertThat(report.original().value()).isCloseTo((0.5 + 7.0 / 12) / 2, within(1e-6));
        assertThat(report.edited().value()).isCloseTo(0.25, within(1e-6));
        assertThat(report.drop().value()).isCloseTo((0.5 + 7.0 / 12) / 2 - 0.25, within(1e-6));
        assertThat(report.drop().ciLow()).isLessThanOrEqualTo(report.drop().value());
        assertThat(report.drop().ciHigh()).isGreaterThanOrEqualTo(report.drop().value());
        assertThat(report.groups()).extracting(GroupRetrieval::group).containsExactly("a|warm", "b|warm");
        GroupRetrieval b = report.groups().get(1);
        assertThat(b.queries()).isEqualTo(1);
        assertThat(b.original()).isCloseTo(7.0 / 12, within(1e-6));
        assertThat(b.edited()).isCloseTo(0.25, within(1e-6));
        assertThat(b.tooSmall()).isTrue();
    }

    @Test
    void aQueryWithNoOtherItemOfItsLabelIsSkippedAndUneditedSamplesAreNoQueries() {
        List<Prediction> predictions = List.of(new Prediction("lonely", 2, 2, 1f, "c"), new Prediction("p", 0, 0, 1f, "a"),
                new Prediction("q", 0, 0, 1f, "a"), new Prediction("r", 1, 1, 1f, "b"));
        float[][] embeddings = {at(-60), at(10), at(20), at(30)};
        OdmapReport report = ObjectDeletionRetrieval.of(new ScoredSamples(predictions, embeddings),
                Map.of("lonely", at(5), "p", at(40)), 2, 200, 1);

        assertThat(report.skipped()).isEqualTo(1);
        assertThat(report.queries()).isEqualTo(1);
        // p (10°) retrieves q (20°), relevant, first; its edit at 40° retrieves r (30°) then q: 1/2 / min(2, 1).
        assertThat(report.original().value()).isEqualTo(1.0);
        assertThat(report.edited().value()).isEqualTo(0.5);
    }

    @Test
    void refusesEditsOfSamplesOutsideTheGallery() {
        List<Prediction> predictions = List.of(new Prediction("p", 0, 0, 1f, "a"), new Prediction("q", 0, 0, 1f, "a"));
        assertThatThrownBy(() -> ObjectDeletionRetrieval.of(new ScoredSamples(predictions, new float[][] {at(0), at(1)}),
                Map.of("elsewhere", at(3)), 1, 200, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("none of the 1 edited samples");
    }
}
