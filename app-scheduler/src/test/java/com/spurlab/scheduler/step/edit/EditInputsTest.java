package com.spurlab.scheduler.step.edit;

import static org.assertj.core.api.Assertions.assertThat;

import com.spurlab.core.dataset.SampleRecord;
import com.spurlab.inference.cueset.CueSample;
import com.spurlab.inference.cueset.CueSetArchive;
import com.spurlab.inference.cueset.CueSetGenerator;
import com.spurlab.inference.cueset.CueSetPreset;
import com.spurlab.inference.cueset.CueSetSplits;
import com.spurlab.inference.cueset.GeneratedCueSet;
import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.edit.EditCue;
import com.spurlab.inference.edit.EditSample;
import com.spurlab.inference.edit.mask.TextBox;
import com.spurlab.scheduler.step.StepData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A text cue's boxes come from EXTRACT's OCR (through its cache) on the split's images, and each sample's group is its
 * label and whether the word is read in it: 16 test images of the generated stamped-word set (64 px, SALE or nothing).
 */
class EditInputsTest {

    @TempDir
    Path dir;

    @Test
    void ocrFindsTheStampedWordWhereItIsPrintedAndGroupsSamplesByIt() throws IOException {
        GeneratedCueSet set = CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, dir.resolve("stamped.zip"),
                CueSetPreset.STAMPED_WORD.tiny());
        CueSetSplits splits = CueSetArchive.extract(set, dir.resolve("images"));
        Map<String, CueSample> truth = splits.truthById();
        List<SampleRecord> records = new ArrayList<>();
        // Eight stamped and eight plain test images (the split's order says nothing about the stamp).
        List<LabeledImage> test = new ArrayList<>();
        test.addAll(splits.test().stream().filter(i -> truth.get(i.sampleId()).textBox() != null).limit(8).toList());
        test.addAll(splits.test().stream().filter(i -> truth.get(i.sampleId()).textBox() == null).limit(8).toList());
        for (int i = 0; i < test.size(); i++) {
            LabeledImage image = test.get(i);
            records.add(new SampleRecord(1000 + i, image.imageFile(), splits.classNames().get(image.label()), "test",
                    null, Map.of(), null, null));
        }
        AtomicInteger done = new AtomicInteger();

        List<TextBox> boxes = EditInputs.printedWords(records, dir.resolve("ocr-cache"), done::set);

        assertThat(done.get()).isEqualTo(16);
        int stamped = 0;
        int found = 0;
        for (int i = 0; i < test.size(); i++) {
            CueSample s = truth.get(test.get(i).sampleId());
            String id = String.valueOf(1000 + i);
            List<TextBox> sale = boxes.stream().filter(b -> b.sampleId().equals(id) && b.reads("sale")).toList();
            if (s.textBox() != null) {
                stamped++;
                // A box read as SALE covers the middle of the word's ink (OCR misses the word in a few small images).
                int cx = s.textBox().x() + s.textBox().width() / 2;
                int cy = s.textBox().y() + s.textBox().height() / 2;
                found += sale.stream().anyMatch(b -> b.box().contains(cx, cy)) ? 1 : 0;
            } else {
                assertThat(sale).as("sample %s", s.sampleId()).isEmpty();
            }
        }
        assertThat(stamped).isEqualTo(8);
        assertThat(found).isGreaterThanOrEqualTo((int) Math.ceil(0.75 * stamped));

        List<EditSample> samples = EditInputs.samples(StepData.of(records, List.of()), EditCue.parse("text:sale"),
                boxes);
        Map<String, String> groups = samples.stream().collect(Collectors.toMap(EditSample::sampleId, EditSample::group));
        for (int i = 0; i < test.size(); i++) {
            String id = String.valueOf(1000 + i);
            boolean read = boxes.stream().anyMatch(b -> b.sampleId().equals(id) && b.reads("sale"));
            assertThat(groups.get(id)).isEqualTo(truth.get(test.get(i).sampleId()).labelName() + "|"
                    + (read ? EditCue.PRESENT : EditCue.ABSENT));
        }
        assertThat(groups.values()).anyMatch(g -> g.endsWith("|present")).anyMatch(g -> g.endsWith("|absent"));
    }
}
