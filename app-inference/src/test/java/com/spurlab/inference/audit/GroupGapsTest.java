package com.spurlab.inference.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.spurlab.inference.eval.Prediction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupGapsTest {

    private static final List<String> CLASSES = List.of("t-shirt", "dress");

    /** Adds {@code counts[c]} samples of {@code group} (true class {@code label}) predicted as class c. */
    private static void add(List<Prediction> out, String group, int label, int... counts) {
        for (int c = 0; c < counts.length; c++) {
            for (int i = 0; i < counts[c]; i++) {
                out.add(new Prediction(group + "-" + c + "-" + i, label, c, 0.9f, group));
            }
        }
    }

    /**
     * t-shirt|warm 38 of 40 right, t-shirt|cool 12 of 30, dress|warm 15 of 30, dress|cool 10 of 10.
     * TPR(t-shirt) warm 0.95 / cool 0.40, gap 0.55; TPR(dress) warm 0.5 / cool 1.0, gap 0.5 (10 samples).
     * FPR(t-shirt) warm 15/30 / cool 0/10, gap 0.5; FPR(dress) warm 2/40 / cool 18/30, gap 0.55.
     * Accuracy 75/110, worst group t-shirt|cool 0.4, gap 75/110 - 0.4.
     */
    private static List<Prediction> handMade() {
        List<Prediction> p = new ArrayList<>();
        add(p, "t-shirt|warm", 0, 38, 2);
        add(p, "t-shirt|cool", 0, 12, 18);
        add(p, "dress|warm", 1, 15, 15);
        add(p, "dress|cool", 1, 0, 10);
        return p;
    }

    @Test
    void largestTprAndFprGapsAcrossAttributeValuesOneVsRest() {
        GapReport report = GroupGaps.of(handMade(), CLASSES, 1000, 7);

        assertThat(report.tpr().value()).isCloseTo(0.55, within(1e-12));
        assertThat(report.tpr().label()).isEqualTo("t-shirt");
        assertThat(report.tpr().higher()).isEqualTo("warm");
        assertThat(report.tpr().lower()).isEqualTo("cool");
        assertThat(report.tpr().tooSmall()).isFalse();
        assertThat(report.fpr().value()).isCloseTo(0.55, within(1e-12));
        assertThat(report.fpr().label()).isEqualTo("dress");
        assertThat(report.fpr().higher()).isEqualTo("cool");
        assertThat(report.fpr().lower()).isEqualTo("warm");
    }

    @Test
    void accuracyGapIsDesignsAccuracyMinusWorstGroupWithWilsonPerGroup() {
        GapReport report = GroupGaps.of(handMade(), CLASSES, 1000, 7);

        assertThat(report.overall().value()).isCloseTo(75.0 / 110, within(1e-12));
        assertThat(report.overall().ciLow()).isCloseTo(0.589903, within(1e-6));
        assertThat(report.worstGroup()).isEqualTo("t-shirt|cool");
        assertThat(report.worstGroupAccuracy()).isCloseTo(0.4, within(1e-12));
        assertThat(report.accuracy().value()).isCloseTo(75.0 / 110 - 0.4, within(1e-12));
        assertThat(report.accuracy().lower()).isEqualTo("t-shirt|cool");
        assertThat(report.groups()).extracting(GroupRates::group)
                .containsExactly("dress|cool", "dress|warm", "t-shirt|cool", "t-shirt|warm");
        GroupRates small = report.groups().get(0);
        assertThat(small.context()).isEqualTo("cool");
        assertThat(small.label()).isEqualTo("dress");
        assertThat(small.accuracy().tooSmall()).isTrue();
        assertThat(small.accuracy().ciHigh()).isEqualTo(1.0);
        assertThat(report.groups().get(2).accuracy().ciLow()).isCloseTo(0.245906, within(1e-6));
    }

    @Test
    void perClassRatesListEveryClassAndContext() {
        GapReport report = GroupGaps.of(handMade(), CLASSES, 1000, 7);

        assertThat(report.rates()).hasSize(4);
        ClassRates dressCool = report.rates().stream().filter(r -> r.label().equals("dress") && r.context().equals("cool"))
                .findFirst().orElseThrow();
        assertThat(dressCool.tpr().value()).isEqualTo(1.0);
        assertThat(dressCool.tpr().n()).isEqualTo(10);
        assertThat(dressCool.fpr().value()).isCloseTo(0.6, within(1e-12));
        assertThat(dressCool.fpr().n()).isEqualTo(30);
    }

    @Test
    void bootstrapIntervalsBracketTheGapsAndAreReproducible() {
        GapReport report = GroupGaps.of(handMade(), CLASSES, 1000, 7);

        for (Gap gap : List.of(report.accuracy(), report.tpr(), report.fpr())) {
            assertThat(gap.ciLow()).as(gap.metric()).isLessThan(gap.value());
            assertThat(gap.ciHigh()).as(gap.metric()).isGreaterThan(gap.value());
            // Group sizes of 30-40 give standard errors near 0.1 on each rate.
            assertThat(gap.ciHigh() - gap.ciLow()).as(gap.metric()).isBetween(0.1, 0.6);
        }
        assertThat(GroupGaps.of(handMade(), CLASSES, 1000, 7)).isEqualTo(report);
    }

    @Test
    void aGapRestingOnASmallGroupIsFlagged() {
        List<Prediction> p = new ArrayList<>();
        add(p, "t-shirt|warm", 0, 30, 0);
        add(p, "t-shirt|cool", 0, 29, 1);
        add(p, "dress|warm", 1, 9, 1);
        add(p, "dress|cool", 1, 0, 30);
        GapReport report = GroupGaps.of(p, CLASSES, 500, 1);

        // TPR(dress): warm 0.1 (10 samples) vs cool 1.0.
        assertThat(report.tpr().label()).isEqualTo("dress");
        assertThat(report.tpr().value()).isCloseTo(0.9, within(1e-12));
        assertThat(report.tpr().tooSmall()).isTrue();
    }

    @Test
    void multiClassFprCountsEveryOtherClassAsNegative() {
        List<String> three = List.of("a", "b", "c");
        List<Prediction> p = new ArrayList<>();
        add(p, "a|x", 0, 20, 0, 0);
        add(p, "b|x", 1, 0, 10, 10);   // half of b on x predicted c
        add(p, "c|x", 2, 0, 0, 20);
        add(p, "a|y", 0, 20, 0, 0);
        add(p, "b|y", 1, 0, 20, 0);
        add(p, "c|y", 2, 0, 0, 20);
        GapReport report = GroupGaps.of(p, three, 500, 1);

        // FPR(c) on x: 10 of the 40 a- and b-samples; on y: 0 of 40. TPR(b): 0.5 vs 1.0.
        assertThat(report.fpr().label()).isEqualTo("c");
        assertThat(report.fpr().value()).isCloseTo(0.25, within(1e-12));
        assertThat(report.tpr().label()).isEqualTo("b");
        assertThat(report.tpr().value()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void withoutAnAttributeThereIsNoTprOrFprGapToReport() {
        List<Prediction> p = new ArrayList<>();
        add(p, "t-shirt", 0, 30, 10);
        add(p, "dress", 1, 5, 35);
        GapReport report = GroupGaps.of(p, CLASSES, 500, 1);

        assertThat(report.tpr().value()).isNaN();
        assertThat(report.fpr().value()).isNaN();
        assertThat(report.accuracy().value()).isCloseTo(65.0 / 80 - 0.75, within(1e-12));
        assertThat(report.groups()).extracting(GroupRates::context).containsOnly("");
    }

    @Test
    void contextIsTheGroupKeyWithoutItsLabel() {
        assertThat(GroupGaps.context("t-shirt|warm|striped", "t-shirt")).isEqualTo("warm|striped");
        assertThat(GroupGaps.context("t-shirt", "t-shirt")).isEmpty();
        assertThat(GroupGaps.context(null, "t-shirt")).isEmpty();
    }
}
