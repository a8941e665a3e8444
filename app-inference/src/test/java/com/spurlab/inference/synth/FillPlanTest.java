package com.spurlab.inference.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.inference.edit.EditSample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How many images each group is to get: counts, targets, the cap. No image is read. */
class FillPlanTest {

    private static final List<String> LABELS = List.of("sandal", "sneaker");

    /** counts[label][value] training samples of the values warm, cool. */
    private static Fixture fixture(int[][] counts) {
        List<EditSample> train = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (int label = 0; label < counts.length; label++) {
            for (int v = 0; v < counts[label].length; v++) {
                for (int i = 0; i < counts[label][v]; i++) {
                    String id = label + "-" + v + "-" + i;
                    train.add(new EditSample(id, "train", Path.of(id + ".png"), label, null, null, null, Map.of()));
                    values.put(id, v == 0 ? "warm" : "cool");
                }
            }
        }
        return new Fixture(train, CueValues.of(SynthesisCue.parse("attribute:background"), values, Map.of()));
    }

    private record Fixture(List<EditSample> train, CueValues values) {
    }

    @Test
    void everyGroupIsFilledUpToItsLabelsLargestGroup() {
        Fixture f = fixture(new int[][] {{95, 5}, {10, 90}});
        FillPlan plan = FillPlan.of(SynthesisRequest.of("attribute:background"), LABELS, f.train(), f.values());

        assertThat(plan.values).containsExactly("cool", "warm");
        assertThat(plan.before).containsEntry("sandal|warm", 95).containsEntry("sandal|cool", 5)
                .containsEntry("sneaker|warm", 10).containsEntry("sneaker|cool", 90);
        assertThat(plan.fills).extracting(FillPlan.Fill::group, FillPlan.Fill::target, FillPlan.Fill::wanted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sandal|cool", 95, 90),
                        org.assertj.core.groups.Tuple.tuple("sandal|warm", 95, 0),
                        org.assertj.core.groups.Tuple.tuple("sneaker|cool", 90, 0),
                        org.assertj.core.groups.Tuple.tuple("sneaker|warm", 90, 80));
    }

    @Test
    void aTargetShareFillsToThatShareOfTheLargestGroup() {
        Fixture f = fixture(new int[][] {{95, 5}, {10, 90}});
        SynthesisRequest half = new SynthesisRequest("attribute:background", SynthesisMethod.RECOMBINE, 0.5, 1000, 1,
                SynthesisRequest.AUGMENTATION);
        FillPlan plan = FillPlan.of(half, LABELS, f.train(), f.values());

        // ceil(0.5 * 95) = 48 and 0.5 * 90 = 45.
        assertThat(plan.fills).filteredOn(x -> x.group().equals("sandal|cool")).singleElement()
                .extracting(FillPlan.Fill::wanted).isEqualTo(43);
        assertThat(plan.fills).filteredOn(x -> x.group().equals("sneaker|warm")).singleElement()
                .extracting(FillPlan.Fill::wanted).isEqualTo(35);
    }

    @Test
    void whenTheGroupsAskForMoreThanTheCapEachGetsItsShareAndTheTotalIsTheCap() {
        Fixture f = fixture(new int[][] {{95, 5}, {10, 90}});
        FillPlan plan = FillPlan.of(SynthesisRequest.of("attribute:background").withMaxAdded(100), LABELS, f.train(),
                f.values());

        // 90 and 80 wanted, 170 in all: 100 * 90 / 170 = 52.9 and 47.1 -> 53 and 47.
        assertThat(plan.wanted()).isEqualTo(100);
        assertThat(plan.fills).filteredOn(x -> x.group().equals("sandal|cool")).singleElement()
                .extracting(FillPlan.Fill::wanted).isEqualTo(53);
        assertThat(plan.fills).filteredOn(x -> x.group().equals("sneaker|warm")).singleElement()
                .extracting(FillPlan.Fill::wanted).isEqualTo(47);
    }

    @Test
    void aCueWithASingleValueInTrainingHasNoGroupToFill() {
        Fixture f = fixture(new int[][] {{10, 0}, {10, 0}});
        assertThatThrownBy(() -> FillPlan.of(SynthesisRequest.of("attribute:background"), LABELS, f.train(), f.values()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only the value warm");
    }
}
