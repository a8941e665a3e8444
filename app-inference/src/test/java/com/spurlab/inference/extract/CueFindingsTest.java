package com.spurlab.inference.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.inference.data.PixelBox;
import com.spurlab.inference.extract.ocr.PrintedWord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CueFindingsTest {

    @TempDir
    Path dir;

    private static final PrintedWord SALE = new PrintedWord("sale", new PixelBox(4, 50, 30, 12), 0.93f);
    private static final PrintedWord PROMO = new PrintedWord("promo", new PixelBox(40, 50, 20, 12), 0.71f);

    private static CueFindings findings() {
        return new CueFindings("val", List.of(
                new SampleFindings("17", List.of(SALE, PROMO), 0, 0.62, 0.55),
                // A hostile id: a tab and a line break must not break the table.
                new SampleFindings("odd\tid\n2", List.of(), -1, Double.NaN, Double.NaN),
                new SampleFindings("19", List.of(SALE), 1, 0.4, 0.5)),
                List.of(new ErrorSlice(0, "t-shirt\tlong", 12, 9, List.of("text:sale", "attribute:bg=warm, cosy"),
                                new float[] {1, 0, 0}, 0.5),
                        new ErrorSlice(1, "dress", 6, 4, List.of(), new float[] {0, 1, 0}, 0.25)));
    }

    @Test
    void whatIsWrittenReadsBackAsItWas() {
        CueFindings written = findings();
        written.write(dir);

        CueFindings read = CueFindings.read(dir);

        assertThat(read.split()).isEqualTo("val");
        assertThat(read.samples()).isEqualTo(written.samples());
        assertThat(read.sample("odd\tid\n2")).hasValueSatisfying(s -> {
            assertThat(s.gradientOutside()).isNaN();
            assertThat(s.slice()).isEqualTo(-1);
        });
        assertThat(read.printedWords()).containsOnlyKeys("17", "19");
        assertThat(read.printedWords().get("17")).containsExactly(SALE, PROMO);
        assertThat(read.slices()).hasSize(2);
        ErrorSlice first = read.slices().get(0);
        assertThat(first.label()).isEqualTo("t-shirt\tlong");
        assertThat(first.describedBy()).containsExactly("text:sale", "attribute:bg=warm, cosy");
        assertThat(first.centroid()).containsExactly(1f, 0f, 0f);
        assertThat(first.radius()).isEqualTo(0.5);
        assertThat(read.slices().get(1).describedBy()).isEmpty();
    }

    @Test
    void theStoredCentresAssignOtherSamplesToSlices() {
        findings().write(dir);
        CueFindings read = CueFindings.read(dir);

        // Raw embeddings are normalised first: (5, 1, 0) lies 0.2 from slice 0's centre, inside its radius.
        assertThat(read.sliceOf(new float[] {5, 1, 0})).isEqualTo(0);
        assertThat(read.sliceOf(new float[] {0.1f, 3, 0})).isEqualTo(1);
        assertThat(read.sliceOf(new float[] {0, 0, 1})).isEqualTo(-1);
    }

    @Test
    void anIncompleteOrDamagedFolderIsRefusedWithWhatToDo() throws IOException {
        assertThatThrownBy(() -> CueFindings.read(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no complete findings").hasMessageContaining("run EXTRACT again");

        findings().write(dir);
        Files.writeString(dir.resolve(CueFindings.SAMPLES), "sample\tslice\tgradientOutside\tareaOutside\n17\t0\n");
        assertThatThrownBy(() -> CueFindings.read(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 fields instead of 4");
    }

    @Test
    void rewritingReplacesTheFindings() {
        findings().write(dir);
        new CueFindings("test", List.of(new SampleFindings("5", List.of(), -1, Double.NaN, Double.NaN)), List.of())
                .write(dir);

        CueFindings read = CueFindings.read(dir);

        assertThat(read.split()).isEqualTo("test");
        assertThat(read.samples()).extracting(SampleFindings::sampleId).containsExactly("5");
        assertThat(read.slices()).isEmpty();
        assertThat(read.printedWords()).isEmpty();
    }
}
