package com.spurlab.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AssociationTest {

    @Test
    void perfectAssociationIsOneAndHighlySignificant() {
        var table = Map.of("coat", Map.of("warm", 50), "dress", Map.of("cool", 50));
        Composition.Association a = Association.test(table);

        assertThat(a.cramersV()).isCloseTo(1.0, within(1e-9));
        assertThat(a.chiSquare()).isCloseTo(100, within(1e-9));
        assertThat(a.degreesOfFreedom()).isEqualTo(1);
        assertThat(a.pValue()).isLessThan(1e-20);
        assertThat(Association.normalizedMutualInformation(table)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void independenceIsZeroWithPValueOne() {
        var table = Map.of("coat", Map.of("warm", 25, "cool", 25), "dress", Map.of("warm", 25, "cool", 25));
        Composition.Association a = Association.test(table);

        assertThat(a.cramersV()).isCloseTo(0.0, within(1e-9));
        assertThat(a.pValue()).isCloseTo(1.0, within(1e-9));
        assertThat(Association.normalizedMutualInformation(table)).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void chiSquarePValueIsTheUpperTailOfItsDistribution() {
        // chi2 = 60 (20*20 - 10*10)^2 / 30^4 = 6.667 on 1 degree of freedom: p = 0.00982 (tables).
        Composition.Association a = Association.test(Map.of("a", Map.of("x", 20, "y", 10), "b", Map.of("x", 10, "y", 20)));

        assertThat(a.chiSquare()).isCloseTo(20.0 / 3, within(1e-9));
        assertThat(a.pValue()).isCloseTo(0.00982, within(5e-5));
    }

    @Test
    void ninetyFivePercentCorrelationIsStrongAndTheCorrectionTakesOffTheExpectedBias() {
        // Plain phi = (0.95^2 - 0.05^2) / 0.5 = 0.9; Bergsma: sqrt((0.81 - 1/199) / (1 - 1/199)).
        var table = Map.of("coat", Map.of("warm", 95, "cool", 5), "dress", Map.of("warm", 5, "cool", 95));

        assertThat(Association.test(table).cramersV()).isCloseTo(Math.sqrt((0.81 - 1.0 / 199) / (1 - 1.0 / 199)),
                within(1e-9));
        assertThat(Association.normalizedMutualInformation(table)).isBetween(0.6, 0.8);
    }

    @Test
    void independentSmallSamplesGetAPlainVWellAboveZeroButACorrectedOneNearIt() {
        Random random = new Random(5);
        double plain = 0;
        double corrected = 0;
        int tables = 300;
        for (int t = 0; t < tables; t++) {
            Map<String, Map<String, Integer>> table = new TreeMap<>();
            for (int i = 0; i < 40; i++) {
                table.computeIfAbsent("label" + random.nextInt(3), k -> new TreeMap<>())
                        .merge("value" + random.nextInt(4), 1, Integer::sum);
            }
            Composition.Association a = Association.test(table);
            plain += Math.sqrt(a.chiSquare() / (a.n() * (Math.min(a.labels(), a.values()) - 1))) / tables;
            corrected += a.cramersV() / tables;
        }
        assertThat(plain).isGreaterThan(0.18);
        // Not exactly 0 on average: the corrected phi² is truncated at 0 for tables below expectation.
        assertThat(corrected).isLessThan(0.1).isLessThan(plain / 2);
    }

    @Test
    void singleValueHasNoAssociation() {
        var table = Map.of("coat", Map.of("warm", 10), "dress", Map.of("warm", 30));
        Composition.Association a = Association.test(table);

        assertThat(a.cramersV()).isZero();
        assertThat(a.pValue()).isEqualTo(1.0);
        assertThat(a.flags(1)).isFalse();
        assertThat(Association.normalizedMutualInformation(table)).isZero();
    }

    @Test
    void aCueIsFlaggedOnlyWhenTheAssociationIsBothSignificantAndAtLeastMedium() {
        // Perfect in 6 images: V = 1 but p = 0.014, not significant.
        assertThat(Association.test(Map.of("a", Map.of("x", 3), "b", Map.of("y", 3))).flags(1)).isFalse();
        // 51 % vs 49 % in 100 000 images: p < 1e-9 but V = 0.02.
        var huge = Association.test(Map.of("a", Map.of("x", 25_500, "y", 24_500), "b", Map.of("x", 24_500, "y", 25_500)));
        assertThat(huge.pValue()).isLessThan(1e-9);
        assertThat(huge.flags(1)).isFalse();
        // 80 % vs 20 % in 200 images: V about 0.6, p about 1e-17.
        var cue = Association.test(Map.of("a", Map.of("x", 80, "y", 20), "b", Map.of("x", 20, "y", 80)));
        assertThat(cue.flags(1)).isTrue();
        // Bonferroni: p = 0.0098 passes one test at 0.01 but not three.
        var borderline = Association.test(Map.of("a", Map.of("x", 20, "y", 10), "b", Map.of("x", 10, "y", 20)));
        assertThat(borderline.cramersV()).isGreaterThan(0.3);
        assertThat(borderline.flags(1)).isTrue();
        assertThat(borderline.flags(3)).isFalse();
    }

    @Test
    void anAttributeThatFollowsTheLabelOnlyInTestIsFlaggedAndTheStrongestTrainCueIsNamed() {
        List<CompositionCalculator.Row> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String label = i % 2 == 0 ? "coat" : "dress";
            // background follows the label in 90 % of train, light in 70 %, lens is balanced in train...
            String bg = (i % 10 == 0) == label.equals("coat") ? "cool" : "warm";
            String light = (i % 10 < 3) == label.equals("coat") ? "dim" : "bright";
            rows.add(new CompositionCalculator.Row(label, "train", Map.of("bg", bg, "light", light,
                    "lens", (i / 2) % 2 == 0 ? "wide" : "tele")));
        }
        for (int i = 0; i < 200; i++) {
            String label = i % 2 == 0 ? "coat" : "dress";
            // ...but follows the label in test.
            rows.add(new CompositionCalculator.Row(label, "test", Map.of("bg", i % 4 < 2 ? "warm" : "cool",
                    "light", (i / 2) % 2 == 0 ? "dim" : "bright", "lens", label.equals("coat") ? "wide" : "tele")));
        }

        Composition composition = CompositionCalculator.of(rows);

        Composition.AttributeComposition lens = composition.byAttribute().get("lens");
        assertThat(lens.cramersV()).isCloseTo(0, within(0.01));
        assertThat(lens.association().get("test").cramersV()).isGreaterThan(0.9);
        assertThat(lens.suspectedCue()).isTrue();
        assertThat(composition.byAttribute().get("bg").suspectedCue()).isTrue();
        assertThat(composition.byAttribute().get("light").suspectedCue()).isTrue();
        assertThat(composition.byAttribute().get("bg").cramersV())
                .isGreaterThan(composition.byAttribute().get("light").cramersV());
        assertThat(composition.strongestCue()).contains("bg");
    }

    @Test
    void noSuspectedCueMeansNoStrongestCue() {
        List<CompositionCalculator.Row> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(new CompositionCalculator.Row(i % 2 == 0 ? "coat" : "dress", "train",
                    Map.of("bg", (i / 2) % 2 == 0 ? "warm" : "cool")));
        }
        assertThat(CompositionCalculator.of(rows).strongestCue()).isEmpty();
    }
}
