package com.spurlab.scheduler.step.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.spurlab.core.dataset.SampleRecord;
import com.spurlab.inference.audit.EditedImage;
import com.spurlab.inference.edit.EditOperation;
import com.spurlab.inference.edit.EditSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UpstreamEditTest {

    private static final long SOURCE = 7;
    private static final long EDITED = 9;
    private static final Path FOLDER = Path.of("/data/jobs/5/edit-set");

    /** Originals 11, 12 and 13 of the source's test split edited; 12 without a control edit. */
    private static final UpstreamEdit EDIT = new UpstreamEdit(new EditSet(SOURCE, EDITED, "attribute:background",
            EditOperation.REMOVE_BACKGROUND, "test", List.of(pair("11", "101", true), pair("12", "102", false),
            pair("13", "103", true))), 40L);

    @Test
    void theEditedVersionIsAuditedThroughItsSourceAndANamedVersionAsNamed() {
        assertThat(EDIT.auditedVersion(EDITED)).isEqualTo(SOURCE);
        assertThat(EDIT.auditedVersion(SOURCE)).isEqualTo(SOURCE);
        assertThat(EDIT.auditedVersion(3)).isEqualTo(3);
        assertThat(EDIT.operation()).isEqualTo("REMOVE_BACKGROUND");
    }

    @Test
    void pairsOfTheSourceMatchItsSamplesByIdWithTheirControls() {
        List<SampleRecord> source = List.of(sample(11, "test", null), sample(12, "test", null),
                sample(13, "test", null), sample(14, "test", null), sample(2, "train", null));
        UpstreamEdit.Matched m = EDIT.match("test", "attribute:background", source, Set.of("11", "12", "13", "14"));
        assertThat(m.edits()).containsExactly(
                new EditedImage("11", FOLDER.resolve("edited/101.png"), FOLDER.resolve("control/101.png")),
                new EditedImage("12", FOLDER.resolve("edited/102.png"), null),
                new EditedImage("13", FOLDER.resolve("edited/103.png"), FOLDER.resolve("control/103.png")));
        assertThat(m.notes()).isEmpty();
    }

    @Test
    void aDerivedVersionsSamplesMatchThroughTheirOriginAndUnauditedOnesAreLeftOutWithANote() {
        // A version derived from the source (e.g. SYNTHESIZE's) shares the test split under new ids.
        List<SampleRecord> derived = List.of(sample(51, "test", 11L), sample(52, "test", 12L), sample(53, "test", 13L),
                sample(61, "train", 13L));
        UpstreamEdit.Matched m = EDIT.match("test", "attribute:background", derived, Set.of("51", "53"));
        assertThat(m.edits()).extracting(EditedImage::sampleId).containsExactly("51", "53");
        assertThat(m.edits().get(1).editedFile()).isEqualTo(FOLDER.resolve("edited/103.png"));
        assertThat(m.notes()).containsExactly("1 of the 3 edits of EDIT run 40 are of samples this audit leaves out"
                + " (another version's, or without a value of the cue): they are not used");
    }

    @Test
    void editsOfAnotherSplitOrVersionAreNotUsedAndTheReportSaysWhy() {
        List<SampleRecord> val = List.of(sample(11, "val", null), sample(12, "val", null));
        UpstreamEdit.Matched otherSplit = EDIT.match("val", "attribute:background", val, Set.of("11", "12"));
        assertThat(otherSplit.edits()).isEmpty();
        assertThat(otherSplit.notes()).containsExactly("EDIT run 40 edited the test split, not the audited val split:"
                + " its edits are not used; audit the test split for counterfactual consistency and ODmAP@k");

        UpstreamEdit.Matched unrelated = EDIT.match("test", "attribute:background", List.of(sample(80, "test", 79L)),
                Set.of("80"));
        assertThat(unrelated.edits()).isEmpty();
        assertThat(unrelated.notes()).containsExactly("none of the 3 edits of EDIT run 40 (of dataset version 7) is of"
                + " an audited sample: no counterfactual consistency or ODmAP@k");
    }

    @Test
    void anEditOfAnotherCueIsUsedAndSaidToBeOne() {
        UpstreamEdit.Matched m = EDIT.match("test", "keyword:warm", List.of(sample(11, "test", null)), Set.of("11"));
        assertThat(m.edits()).hasSize(1);
        assertThat(m.notes()).containsExactly("EDIT run 40 edited attribute:background while this audit's cue is"
                + " keyword:warm: counterfactual consistency and ODmAP@k measure that edit, grouped by keyword:warm",
                "2 of the 3 edits of EDIT run 40 are of samples this audit leaves out (another version's, or without a"
                        + " value of the cue): they are not used");
    }

    private static EditSet.Pair pair(String original, String edited, boolean control) {
        return new EditSet.Pair(original, edited, "sandal", "sandal|warm", FOLDER.resolve("edited/" + edited + ".png"),
                control ? FOLDER.resolve("control/" + edited + ".png") : null, "sandal", "sneaker",
                control ? "sandal" : null, true, true);
    }

    private static SampleRecord sample(long id, String split, Long origin) {
        return new SampleRecord(id, Path.of("/blobs/" + id + ".png"), "sandal", split, null,
                Map.of("background", "warm"), null, origin);
    }
}
