package com.spurlab.scheduler.step.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.core.Json;
import com.spurlab.core.edit.EditPair;
import com.spurlab.core.edit.EditSetResult;
import com.spurlab.inference.edit.EditOperation;
import com.spurlab.inference.edit.EditResult;
import com.spurlab.inference.edit.EditedItem;
import com.spurlab.inference.edit.EditedPair;
import com.spurlab.inference.edit.GroupConsistency;
import com.spurlab.inference.edit.mask.MaskSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EditResultMappingTest {

    private static final List<String> CLASSES = List.of("sandal", "sneaker");

    private static EditResult result(int correct, int flipped, double control, boolean confirmed, int controlN) {
        List<EditedPair> pairs = List.of(
                new EditedPair("11", "sandal|warm", 0, Path.of("/data/o/11.png"), Path.of("/data/e/11.png"), 0, 1, true,
                        true, Path.of("/data/c/11.png"), 0),
                new EditedPair("12", "sneaker|cool", 1, Path.of("/data/o/12.png"), Path.of("/data/e/12.png"), 0, 0,
                        false, false, null, -1));
        List<EditedItem> items = List.of(
                new EditedItem("11", "test", 0, "sandal|warm", Path.of("/data/e/11.png"),
                        EditOperation.REPLACE_BACKGROUND, 3L, MaskSource.MANIFEST, "31", Map.of("background", "cool")),
                new EditedItem("12", "test", 1, "sneaker|cool", Path.of("/data/e/12.png"),
                        EditOperation.REPLACE_BACKGROUND, 4L, MaskSource.LEARNED, "32", Map.of("background", "warm")));
        double rate = correct == 0 ? Double.NaN : (double) flipped / correct;
        return new EditResult(5, "attribute:background", EditOperation.REPLACE_BACKGROUND, "test", 2, correct, flipped,
                rate, correct == 0 ? Double.NaN : 0.42, correct == 0 ? Double.NaN : 0.71, control, confirmed, 0.05,
                controlN, 0, 0.0, 0.3, 0.5, List.of(new GroupConsistency("sandal|warm", 1, 0, 0.0, 1, 1, 1.0, 0.2, 1.0,
                1, 0, 0.0, 0.0, 0.79), new GroupConsistency("sneaker|cool", 1, 1, 1.0, 0, 0, Double.NaN, Double.NaN,
                Double.NaN, 0, 0, Double.NaN, Double.NaN, Double.NaN)), pairs, items, List.of("a report line"));
    }

    @Test
    void theStoredResultHasDesignsFiguresNullForMissingRatesAndIdsNeverPaths() {
        EditSetResult stored = EditResultMapping.of(result(40, 24, 0.025, true, 40), 9, "named in the plan", 3,
                List.of("a note"));

        assertThat(stored.datasetVersionId()).isEqualTo(9);
        assertThat(stored.sourceVersionId()).isEqualTo(5);
        assertThat(stored.flipRate()).isEqualTo(0.6);
        assertThat(stored.controlFlipRate()).isEqualTo(0.025);
        assertThat(stored.notEdited()).isEqualTo(3);
        assertThat(stored.report()).containsExactly("a note", "a report line");
        assertThat(stored.groups().get(1).flipRate()).isNull();
        assertThat(stored.groups().get(1).consistency()).isEqualTo(1.0);
        assertThat(stored.verdict()).startsWith("Confirmed: the model relies on attribute:background. REPLACE_BACKGROUND"
                + " of attribute:background changed the prediction for 60.0 % of the 40 correctly classified test images"
                + " (95 % interval 42.0 % to 71.0 %), against 2.5 % under a control edit");
        String json = Json.write(stored);
        assertThat(json).doesNotContain("NaN").doesNotContain("/data/");
        assertThat(Json.read(json, EditSetResult.class)).isEqualTo(stored);

        List<EditPair> pairs = EditResultMapping.pairs(result(40, 24, 0.025, true, 40), Map.of("11", "111", "12", "112"),
                CLASSES);
        assertThat(pairs).containsExactly(
                new EditPair(0, 11, 111, "sandal", "sandal|warm", "sandal", "sneaker", "sandal", true, true, false,
                        "MANIFEST", 31L),
                new EditPair(1, 12, 112, "sneaker", "sneaker|cool", "sandal", "sandal", null, false, false, false,
                        "LEARNED", 32L));
        assertThatThrownBy(() -> EditResultMapping.pairs(result(40, 24, 0.025, true, 40), Map.of("11", "111"), CLASSES))
                .hasMessageContaining("sample 12");
    }

    @Test
    void theVerdictSaysWhyACueIsNotConfirmed() {
        assertThat(EditResultMapping.verdict(result(40, 4, 0.05, false, 40))).startsWith("Not confirmed: ")
                .contains("10.0 % of the 40").contains("does not start more than the margin of 5.0 %");
        assertThat(EditResultMapping.verdict(result(0, 0, Double.NaN, false, 0)))
                .isEqualTo("Not confirmed: none of the 2 edited test images was classified correctly before the edit, "
                        + "so no flip rate can be measured.");
        assertThat(EditResultMapping.verdict(result(40, 24, Double.NaN, false, 0)))
                .contains("no control edit could be placed");
    }

    @Test
    void theCueOfAnExtractionUpstreamIsItsBestRankedCueThatNamesARegion() {
        String details = "{\"cues\":[{\"rank\":1,\"cue\":\"slice:0\"},{\"rank\":2,\"cue\":\"text:sale\"},"
                + "{\"rank\":3,\"cue\":\"attribute:background=warm\"}]}";
        UpstreamCue.Chosen chosen = UpstreamCue.of(details).orElseThrow();
        assertThat(chosen.cue()).isEqualTo("text:sale");
        assertThat(chosen.passedOver()).containsExactly("slice:0");
        assertThat(UpstreamCue.of("{\"cues\":[{\"cue\":\"slice:1\"}]}")).isEmpty();
        assertThat(UpstreamCue.of("{}")).isEmpty();
    }
}
