package com.spurlab.inference.audit;

import com.spurlab.inference.data.PixelBox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.inference.data.LabeledImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConceptSetPlanTest {

    private static final List<String> CLASSES = List.of("coat", "shirt");
    private static final List<ConceptDesign> BOTH = List.of(ConceptDesign.CUE_CONTRAST, ConceptDesign.ISOLATED_CONCEPTS);

    /** n samples of label × value, ids "label-value-i"; stamped ones carry a box. */
    private static void add(List<ConceptSource> out, int label, String value, int n) {
        for (int i = 0; i < n; i++) {
            String id = CLASSES.get(label) + "-" + value + "-" + i;
            out.add(new ConceptSource(new LabeledImage(id, Path.of(id + ".png"), label, CLASSES.get(label) + "|" + value), value,
                    null, value.equals("stamped") ? List.of(new PixelBox(i, 2, 10, 5)) : List.of()));
        }
    }

    private static List<ConceptSource> split(String a, String b, int... counts) {
        List<ConceptSource> samples = new ArrayList<>();
        add(samples, 0, a, counts[0]);
        add(samples, 0, b, counts[1]);
        add(samples, 1, a, counts[2]);
        add(samples, 1, b, counts[3]);
        return samples;
    }

    private static Set<String> ids(List<ConceptSource> set) {
        Set<String> ids = new HashSet<>();
        set.forEach(s -> ids.add(s.image().sampleId()));
        return ids;
    }

    private static long count(List<ConceptSource> set, String idPrefix) {
        return set.stream().filter(s -> s.image().sampleId().startsWith(idPrefix)).count();
    }

    @Test
    void pairsTheValueEachLabelShowsMoreOftenInTraining() {
        List<ConceptSource> samples = split("cool", "warm", 10, 10, 10, 10);
        // coat sits on warm 90 % of the time, shirt 20 %: warm goes with coat although "cool" sorts first.
        ConceptSetPlan plan = ConceptSetPlan.plan(samples, CLASSES, Map.of("coat|warm", 90, "coat|cool", 10, "shirt|warm", 20,
                "shirt|cool", 80), BOTH, 1).tests().get(0);

        assertThat(plan.valueA()).isEqualTo("warm");
        assertThat(plan.valueB()).isEqualTo("cool");
        assertThat(plan.trained()).isTrue();
        assertThat(plan.orientation()).isEqualTo("warm goes with coat: 90 % of coat's training samples against 20 % of shirt's");
        assertThat(plan.names()).containsExactly("warm", "cool", "coat", "shirt");
    }

    @Test
    void withoutTrainingCountsTheValuesGoInAlphabeticalOrder() {
        ConceptSetPlan plan = ConceptSetPlan.plan(split("warm", "cool", 4, 4, 4, 4), CLASSES, Map.of(), BOTH, 1).tests().get(0);

        assertThat(plan.valueA()).isEqualTo("cool");
        assertThat(plan.trained()).isFalse();
        assertThat(plan.orientation()).startsWith("values in alphabetical order");
    }

    @Test
    void contrastSetsAreBalancedOverTheOtherFactorAndDisjointFromTheAttributeSets() {
        // Strata coat|cool 20, coat|warm 12, shirt|cool 16, shirt|warm 6, each halved into targets and attributes;
        // a set takes as many of each of its two strata as the smaller half holds.
        List<ConceptSource> samples = split("cool", "warm", 20, 12, 16, 6);
        ConceptSetPlan contrast = ConceptSetPlan.plan(samples, CLASSES, Map.of("coat|warm", 9, "coat|cool", 1, "shirt|warm", 1,
                "shirt|cool", 9), BOTH, 5).tests().get(0);

        assertThat(contrast.design()).isEqualTo(ConceptDesign.CUE_CONTRAST);
        // X = warm over coat and shirt; A = coat over warm and cool.
        assertThat(count(contrast.x(), "coat-warm")).isEqualTo(3);
        assertThat(count(contrast.x(), "shirt-warm")).isEqualTo(3);
        assertThat(contrast.x()).hasSize(6);
        assertThat(contrast.y()).hasSize(16).allSatisfy(s -> assertThat(s.cueValue()).isEqualTo("cool"));
        assertThat(count(contrast.y(), "shirt-cool")).isEqualTo(8);
        assertThat(count(contrast.a(), "coat-warm")).isEqualTo(6);
        assertThat(count(contrast.a(), "coat-cool")).isEqualTo(6);
        assertThat(contrast.b()).allSatisfy(s -> assertThat(s.image().label()).isEqualTo(1));
        Set<String> targets = ids(contrast.x());
        targets.addAll(ids(contrast.y()));
        Set<String> attributes = ids(contrast.a());
        attributes.addAll(ids(contrast.b()));
        assertThat(targets).doesNotContainAnyElementsOf(attributes);
    }

    @Test
    void isolatedSetsSwapTheRolesAndStayDisjointAcrossBothDesigns() {
        List<ConceptSource> samples = split("cool", "warm", 10, 10, 10, 10);
        ConceptSetPlan.Plans plans = ConceptSetPlan.plan(samples, CLASSES, Map.of("coat|warm", 9, "coat|cool", 1,
                "shirt|warm", 1, "shirt|cool", 9), BOTH, 5);
        ConceptSetPlan isolated = plans.tests().get(1);

        assertThat(isolated.design()).isEqualTo(ConceptDesign.ISOLATED_CONCEPTS);
        assertThat(isolated.names()).containsExactly("coat", "shirt", "warm", "cool");
        assertThat(isolated.x()).hasSize(10).allSatisfy(s -> assertThat(s.image().label()).isZero());
        assertThat(count(isolated.x(), "coat-warm")).isEqualTo(5);
        assertThat(isolated.a()).hasSize(10).allSatisfy(s -> assertThat(s.cueValue()).isEqualTo("warm"));
        Set<String> targets = ids(isolated.x());
        targets.addAll(ids(isolated.y()));
        targets.addAll(ids(plans.tests().get(0).x()));
        targets.addAll(ids(plans.tests().get(0).y()));
        assertThat(targets).doesNotContainAnyElementsOf(ids(isolated.a())).doesNotContainAnyElementsOf(ids(isolated.b()));
    }

    @Test
    void plainAttributeImagesBorrowTheStampedImagesBoxes() {
        List<ConceptSource> samples = split("plain", "stamped", 6, 6, 6, 6);
        ConceptSetPlan isolated = ConceptSetPlan.plan(samples, CLASSES, Map.of("coat|stamped", 9, "coat|plain", 1,
                "shirt|stamped", 1, "shirt|plain", 9), BOTH, 2).tests().get(1);

        assertThat(isolated.valueA()).isEqualTo("stamped");
        Set<PixelBox> stampedBoxes = new HashSet<>();
        isolated.a().forEach(s -> stampedBoxes.addAll(s.cueBoxes()));
        assertThat(isolated.b()).allSatisfy(s -> {
            assertThat(s.cueValue()).isEqualTo("plain");
            assertThat(s.cueBoxes()).singleElement().isIn(stampedBoxes);
        });
        // Targets keep their own boxes (none for plain ones): their stamp is what the editor inpaints.
        assertThat(isolated.x()).filteredOn(s -> s.cueValue().equals("plain")).allSatisfy(s -> assertThat(s.cueBoxes()).isEmpty());
    }

    @Test
    void aMissingCombinationSkipsTheTestWithAReason() {
        List<ConceptSource> samples = split("cool", "warm", 10, 10, 10, 1);
        ConceptSetPlan.Plans plans = ConceptSetPlan.plan(samples, CLASSES, Map.of(), List.of(ConceptDesign.CUE_CONTRAST), 1);

        assertThat(plans.tests()).isEmpty();
        assertThat(plans.notes()).singleElement().asString().startsWith("coat vs shirt (CUE_CONTRAST) is not tested");
    }

    @Test
    void refusesASplitWithASingleCueValue() {
        List<ConceptSource> samples = new ArrayList<>();
        add(samples, 0, "warm", 3);
        add(samples, 1, "warm", 3);
        assertThatThrownBy(() -> ConceptSetPlan.plan(samples, CLASSES, Map.of(), BOTH, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("values [warm]");
    }
}
