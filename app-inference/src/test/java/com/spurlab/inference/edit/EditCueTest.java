package com.spurlab.inference.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.inference.edit.mask.TextBox;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EditCueTest {

    private static final EditSample SAMPLE = new EditSample("a", "test", Path.of("a.png"), 1, null, null,
            "A coat on the beach, near water", Map.of("background", "warm"));

    @Test
    void readsEveryNameDesignGivesAndTheValueEachSampleCarries() {
        assertThat(EditCue.parse("attribute:background").valueOf(SAMPLE, List.of())).isEqualTo("warm");
        assertThat(EditCue.parse("attribute:background=cool")).isEqualTo(new EditCue(EditCue.Kind.ATTRIBUTE,
                "background", "cool"));
        assertThat(EditCue.parse("attribute:place").valueOf(SAMPLE, List.of())).isNull();
        assertThat(EditCue.parse("keyword:water").valueOf(SAMPLE, List.of())).isEqualTo(EditCue.PRESENT);
        assertThat(EditCue.parse("keyword:wat").valueOf(SAMPLE, List.of())).isEqualTo(EditCue.ABSENT);
        assertThat(EditCue.parse("text:sale").valueOf(SAMPLE, List.of(new TextBox("a", "SALE", 0, 0, 5, 5))))
                .isEqualTo(EditCue.PRESENT);
        assertThat(EditCue.parse("mask").valueOf(SAMPLE, List.of())).isEqualTo("1");
        assertThat(EditCue.parse("text:sale").isBackground()).isFalse();
        assertThat(EditCue.parse(" attribute:background=cool ").toString()).isEqualTo("attribute:background=cool");
    }

    @Test
    void aSliceOrAnUnreadableNameIsRefusedWithWhatToNameInstead() {
        assertThatThrownBy(() -> EditCue.parse("slice:3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no region to edit").hasMessageContaining("text:<word>");
        assertThatThrownBy(() -> EditCue.parse("colour:red")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read the cue 'colour:red'");
        assertThatThrownBy(() -> EditCue.parse("attribute:bg=")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EditCue.parse("text:")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHostileSampleIdNamesAFileInsideTheTargetFolderOnly() {
        Path folder = Path.of("/data/edits/edited");
        for (String id : List.of("../../etc/passwd", "..", "a/b\\c", "x\u0000y", ".hidden")) {
            String name = ItemEdits.safe(id);
            assertThat(name).doesNotContain("/").doesNotContain("\\").doesNotStartWith(".");
            assertThat(folder.resolve(name + ".png").normalize().getParent()).isEqualTo(folder);
        }
    }
}
