package com.spurlab.inference.edit.mask;

import com.spurlab.inference.data.PixelBox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionMaskTest {

    @TempDir
    Path dir;

    @Test
    void boxesArePaddedAndClippedToTheImage() {
        RegionMask m = RegionMask.ofBoxes(10, 8, List.of(new PixelBox(7, 1, 5, 2)), 1);
        // x 6..11 clipped to 6..9, y 0..3
        assertThat(m.area()).isEqualTo(4 * 4);
        assertThat(m.bounds()).containsExactly(6, 0, 4, 4);
        assertThat(m.contains(5, 1)).isFalse();
    }

    @Test
    void dilationGrowsBySquareRadiusAndTranslationDropsWhatLeaves() {
        boolean[] one = new boolean[25];
        one[12] = true;
        RegionMask dot = RegionMask.of(5, 5, one);
        assertThat(dot.dilated(1).area()).isEqualTo(9);
        assertThat(dot.dilated(2).area()).isEqualTo(25);
        assertThat(dot.translated(2, 0).contains(4, 2)).isTrue();
        assertThat(dot.translated(3, 0).isEmpty()).isTrue();
        assertThat(dot.inverted().area()).isEqualTo(24);
    }

    @Test
    void iouAndIntersectionNeedTheSameSize() {
        RegionMask a = RegionMask.ofBoxes(10, 10, List.of(new PixelBox(0, 0, 4, 4)), 0);
        RegionMask b = RegionMask.ofBoxes(10, 10, List.of(new PixelBox(2, 0, 4, 4)), 0);
        assertThat(a.iou(b)).isEqualTo(8.0 / 24.0);
        assertThat(a.intersects(b)).isTrue();
        assertThatThrownBy(() -> a.iou(RegionMask.empty(9, 10))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10x10").hasMessageContaining("9x10");
    }

    @Test
    void aMaskSurvivesAPngRoundTripAsTheManifestsFormat() {
        RegionMask m = RegionMask.ofBoxes(12, 7, List.of(new PixelBox(3, 2, 5, 3)), 0);
        Path file = dir.resolve("m.png");
        ImageFiles.writePng(m.toImage(), file);
        assertThat(RegionMask.read(file)).isEqualTo(m);
        assertThatThrownBy(() -> RegionMask.of(3, 3, new boolean[8])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 9 pixels");
    }

    @Test
    void aTextBoxReadsItsWordIgnoringCaseAndPunctuation() {
        assertThat(new TextBox("s", "SALE.", 0, 0, 1, 1).reads("sale")).isTrue();
        assertThat(new TextBox("s", "sole", 0, 0, 1, 1).reads("sale")).isFalse();
        assertThatThrownBy(() -> new TextBox("s", "x", 0, 0, 0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1x1");
    }
}
