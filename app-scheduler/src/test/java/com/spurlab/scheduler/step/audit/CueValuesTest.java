package com.spurlab.scheduler.step.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.spurlab.core.dataset.SampleRecord;
import com.spurlab.inference.data.PixelBox;
import com.spurlab.inference.cueset.CueSample;
import com.spurlab.inference.cueset.CueSetArchive;
import com.spurlab.inference.cueset.CueSetGenerator;
import com.spurlab.inference.cueset.CueSetPreset;
import com.spurlab.inference.cueset.CueSetSplits;
import com.spurlab.inference.cueset.TextBox;
import com.spurlab.inference.data.LabeledImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CueValuesTest {

    @TempDir
    Path dir;

    private static SampleRecord captioned(long id, String label, String split, String caption) {
        return new SampleRecord(id, Path.of("unused.png"), label, split, caption, Map.of(), null, null);
    }

    @Test
    void aKeywordIsPresentWhereTheCaptionSaysItInAnyFormAndTrainingCountsComeFromTheCaptions() {
        List<SampleRecord> test = List.of(captioned(1, "sandal", "test", "a sandal on a warm plain background"),
                captioned(2, "sandal", "test", "a sandal on a cool plain background"),
                captioned(3, "sneaker", "test", "Warmer tones behind a sneaker"),
                captioned(4, "sneaker", "test", null));
        List<SampleRecord> train = List.of(captioned(5, "sandal", "train", "a sandal, warm backdrop"),
                captioned(6, "sandal", "train", "a sandal on warm sand"),
                captioned(7, "sneaker", "train", "a sneaker on a cool background"));

        CueValues values = CueValues.ofKeyword("keyword:warm", test, train);

        // "Warmer" stems to "warmer", not "warm": EXTRACT's stemming decides, and AUDIT reads cues as EXTRACT does.
        assertThat(values.values()).containsExactlyInAnyOrderEntriesOf(Map.of(1L, "present", 2L, "absent", 3L, "absent",
                4L, "absent"));
        assertThat(values.trainCounts()).containsExactlyInAnyOrderEntriesOf(Map.of("sandal|present", 2,
                "sneaker|absent", 1));
        assertThat(values.boxes()).isEmpty();
    }

    @Test
    void aPrintedWordIsReadByOcrWithBoxesOnTheStampedInk() throws IOException {
        assumeTrue(Files.isDirectory(CueSetGenerator.DEFAULT_SOURCE), "Fashion-MNIST not installed");
        CueSetSplits splits = CueSetArchive.extract(CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE,
                dir.resolve("stamped.zip"), CueSetPreset.STAMPED_WORD.tiny()), dir.resolve("data"));
        Map<String, CueSample> truth = splits.truthById();
        List<LabeledImage> stamped = splits.test().stream()
                .filter(i -> truth.get(i.sampleId()).cueValue().equals("stamped")).limit(10).toList();
        List<LabeledImage> plain = splits.test().stream()
                .filter(i -> truth.get(i.sampleId()).cueValue().equals("plain")).limit(10).toList();
        List<LabeledImage> images = Stream.concat(stamped.stream(), plain.stream()).toList();
        // Records are numbered as the database numbers samples; index i is sample i + 1.
        List<SampleRecord> test = IntStream.range(0, images.size()).mapToObj(i -> record(i + 1, images.get(i), splits,
                "test")).toList();
        List<LabeledImage> trainImages = splits.train().subList(0, 6);
        List<SampleRecord> train = IntStream.range(0, trainImages.size()).mapToObj(i -> record(100 + i,
                trainImages.get(i), splits, "train")).toList();

        CueValues values = CueValues.ofPrintedWord("text:SALE", test, train, dir.resolve("ocr"), done -> { });

        long read = IntStream.rangeClosed(1, stamped.size()).filter(id -> values.values().get((long) id)
                .equals("present")).count();
        // EXTRACT's OCR reads about 87 % of the tiny set's stamped words (StampedWordExtractionTest).
        assertThat(read).isGreaterThanOrEqualTo(7);
        assertThat(IntStream.rangeClosed(stamped.size() + 1, images.size()).mapToObj(id -> values.values().get((long) id)))
                .containsOnly("absent");
        assertThat(values.boxes()).hasSize((int) read);
        values.boxes().forEach((id, boxes) -> {
            TextBox ink = truth.get(images.get((int) (id - 1)).sampleId()).textBox();
            assertThat(boxes).anySatisfy(b -> assertThat(covers(b, ink.x() + ink.width() / 2, ink.y() + ink.height() / 2))
                    .as("%s covers the centre of %s", b, ink).isTrue());
        });
        assertThat(values.trainCounts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
        assertThat(values.notes()).singleElement().asString().contains("26 images read").contains("6 training images");
    }

    private static SampleRecord record(long id, LabeledImage image, CueSetSplits splits, String split) {
        return new SampleRecord(id, image.imageFile(), splits.classNames().get(image.label()), split, null, Map.of(),
                null, null);
    }

    private static boolean covers(PixelBox b, int x, int y) {
        return x >= b.x() && x < b.x() + b.width() && y >= b.y() && y < b.y() + b.height();
    }
}
