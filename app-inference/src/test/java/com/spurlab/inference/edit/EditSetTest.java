package com.spurlab.inference.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.inference.edit.mask.MaskSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditSetTest {

    @TempDir
    Path dir;

    private EditResult result(Path folder) {
        List<EditedPair> pairs = List.of(
                new EditedPair("11", "coat|warm\tsun", 0, Path.of("/src/11.png"), folder.resolve("edited/00000-11.png"),
                        0, 1, true, true, folder.resolve("control/00000-11.png"), 0),
                new EditedPair("12", "bag, large|cool", 1, Path.of("/src/12.png"), folder.resolve("edited/00001-12.png"),
                        0, 0, false, false, null, -1));
        List<EditedItem> items = List.of(new EditedItem("11", "test", 0, "coat|warm", folder.resolve("edited/00000-11.png"),
                EditOperation.REPLACE_BACKGROUND, 7L, MaskSource.MANIFEST, "31", Map.of("background", "cool")));
        return new EditResult(5, "attribute:background", EditOperation.REPLACE_BACKGROUND, "test", 2, 1, 1, 1.0, 0.2, 1.0,
                0.0, true, 0.05, 1, 0, 0.0, 0.8, 0.5, List.of(), pairs, items, List.of());
    }

    @Test
    void thePairsReadBackWithTheEditedVersionsIdsClassNamesAndFilesInsideTheFolder() {
        Path folder = dir.resolve("edit-set");
        EditSet set = EditSet.of(result(folder), 9, Map.of("11", "101", "12", "102"), List.of("coat", "bag"));
        set.write(folder);

        EditSet back = EditSet.read(folder);
        assertThat(back).isEqualTo(new EditSet(5, 9, "attribute:background", EditOperation.REPLACE_BACKGROUND, "test",
                set.pairs()));
        EditSet.Pair first = back.pairs().get(0);
        assertThat(first.editedSampleId()).isEqualTo("101");
        assertThat(first.group()).isEqualTo("coat|warm\tsun");
        assertThat(first.predictedBefore()).isEqualTo("coat");
        assertThat(first.predictedAfter()).isEqualTo("bag");
        assertThat(first.predictedControl()).isEqualTo("coat");
        assertThat(first.flipped()).isTrue();
        assertThat(first.editedFile()).isEqualTo(folder.toAbsolutePath().resolve("edited/00000-11.png"));
        EditSet.Pair second = back.pairs().get(1);
        assertThat(second.group()).isEqualTo("bag, large|cool");
        assertThat(second.controlFile()).isNull();
        assertThat(second.predictedControl()).isNull();
        assertThat(second.correctBefore()).isFalse();
    }

    @Test
    void aPairWithoutItsEditedSampleAFileOutsideTheFolderOrAnIncompleteFolderIsRefused() throws IOException {
        Path folder = dir.resolve("set");
        assertThatThrownBy(() -> EditSet.of(result(folder), 9, Map.of("11", "101"), List.of("coat", "bag")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sample 12");
        assertThatThrownBy(() -> EditSet.of(result(dir.resolve("elsewhere")), 9, Map.of("11", "101", "12", "102"),
                List.of("coat", "bag")).write(folder)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not inside");

        assertThatThrownBy(() -> EditSet.read(dir.resolve("empty"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no complete EDIT set");
        EditSet.of(result(folder), 9, Map.of("11", "101", "12", "102"), List.of("coat", "bag")).write(folder);
        Path rows = folder.resolve(EditSet.PAIRS);
        Files.writeString(rows, Files.readString(rows).replace("edited%2F00000-11.png", "..%2F..%2Fetc%2Fpasswd"));
        assertThatThrownBy(() -> EditSet.read(folder)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside its folder");
        EditSet.of(result(folder), 9, Map.of("11", "101", "12", "102"), List.of("coat", "bag")).write(folder);
        Files.writeString(rows, Files.readString(rows).lines().limit(2).reduce("", (a, b) -> a + b + "\n"));
        assertThatThrownBy(() -> EditSet.read(folder)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match");
    }
}
