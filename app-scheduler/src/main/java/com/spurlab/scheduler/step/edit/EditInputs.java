package com.spurlab.scheduler.step.edit;

import com.spurlab.core.dataset.SampleRecord;
import com.spurlab.inference.edit.EditCue;
import com.spurlab.inference.edit.EditSample;
import com.spurlab.inference.edit.mask.TextBox;
import com.spurlab.inference.extract.ExtractionSettings;
import com.spurlab.inference.extract.ocr.PrintedTextCache;
import com.spurlab.inference.extract.ocr.PrintedWord;
import com.spurlab.scheduler.step.StepData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/** The version's samples as the EDIT engine takes them, grouped by label × the cue's value, and OCR's text boxes. */
final class EditInputs {

    private EditInputs() {
    }

    /**
     * Every sample of the version (the training split tells which label a cue goes with and may teach a segmentation
     * network); the group is {@code label|value} of the cue ({@code label} alone for the mask cue or a sample without
     * the attribute), so consistency is reported per label and cue value.
     *
     * @param boxes the printed words read per sample id (text cues), else empty
     */
    static List<EditSample> samples(StepData data, EditCue cue, List<TextBox> boxes) {
        Map<String, List<TextBox>> bySample = boxes.stream().collect(Collectors.groupingBy(TextBox::sampleId));
        List<EditSample> out = new ArrayList<>(data.samples().size());
        for (SampleRecord s : data.samples()) {
            String id = String.valueOf(s.id());
            EditSample plain = new EditSample(id, s.split(), s.image(), data.classNames().indexOf(s.label()), null,
                    s.mask(), s.caption(), s.attributes());
            String value = cue.kind() == EditCue.Kind.MASK ? null : cue.kind() == EditCue.Kind.ATTRIBUTE
                    ? s.attributes().get(cue.name()) : cue.valueOf(plain, bySample.getOrDefault(id, List.of()));
            out.add(new EditSample(id, s.split(), s.image(), plain.label(), value == null ? s.label()
                    : s.label() + "|" + value, s.mask(), s.caption(), s.attributes()));
        }
        return out;
    }

    /**
     * The words OCR reads in the split's images, through EXTRACT's content-addressed cache (shared with EXTRACT's runs:
     * an image it read is not read again), as the engine's text boxes.
     *
     * @param progress receives the number of images done
     */
    static List<TextBox> printedWords(List<SampleRecord> split, Path ocrCache, IntConsumer progress) {
        PrintedTextCache.Reading reading = new PrintedTextCache(ocrCache, ExtractionSettings.defaults().detectionSide())
                .read(split.stream().map(SampleRecord::image).toList(), progress);
        List<TextBox> boxes = new ArrayList<>();
        for (int i = 0; i < split.size(); i++) {
            String id = String.valueOf(split.get(i).id());
            for (PrintedWord w : reading.words().get(i)) {
                boxes.add(box(id, w));
            }
        }
        return boxes;
    }

    /** OCR may place a box's corner just outside the image; a text box starts inside it. */
    private static TextBox box(String sampleId, PrintedWord w) {
        return new TextBox(sampleId, w.text(), Math.max(0, w.box().x()), Math.max(0, w.box().y()), Math.max(1, w.box().width()),
                Math.max(1, w.box().height()));
    }
}
