package com.spurlab.scheduler.step.audit;

import com.spurlab.core.dataset.SampleRecord;
import com.spurlab.inference.data.PixelBox;
import com.spurlab.inference.extract.CueInference;
import com.spurlab.inference.extract.ExtractionSample;
import com.spurlab.inference.extract.ExtractionSettings;
import com.spurlab.inference.extract.ocr.PrintedTextCache;
import com.spurlab.inference.extract.ocr.PrintedWord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * What the audit needs to know of the cue, per sample: its value (an attribute's value, or present / absent for a
 * caption keyword or a printed word), where a printed word sits, and how the training split pairs values with labels.
 *
 * @param values      sample id → cue value; a sample without one is not in the map
 * @param boxes       sample id → the printed word's boxes (printed words only)
 * @param trainCounts {@code "label|value"} → training samples, to orient the association tests; may be empty
 * @param notes       how the values were read, for the report
 */
record CueValues(Map<Long, String> values, Map<Long, List<PixelBox>> boxes, Map<String, Integer> trainCounts,
                 List<String> notes) {

    static final String KEYWORD = "keyword:";
    static final String TEXT = "text:";
    static final String PRESENT = "present";
    static final String ABSENT = "absent";

    CueValues withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new CueValues(values, boxes, trainCounts, more);
    }

    /** An attribute's values; the training counts come from the version's composition (label → value → n). */
    static CueValues ofAttribute(AttributeCue cue, List<SampleRecord> split, Map<String, Map<String, Integer>> trainByLabel) {
        Map<Long, String> values = new LinkedHashMap<>();
        split.forEach(s -> {
            String v = cue.valueOf(s.attributes());
            if (v != null) {
                values.put(s.id(), v);
            }
        });
        return new CueValues(values, Map.of(), cue.trainCounts(trainByLabel), List.of());
    }

    /** A caption keyword, stemmed as EXTRACT stems it: present or absent, in the split and in the training split. */
    static CueValues ofKeyword(String cue, List<SampleRecord> split, List<SampleRecord> train) {
        CueInference keywords = new CueInference(List.<com.spurlab.inference.extract.ErrorSlice>of(), null, null);
        Map<Long, String> values = presence(split, keywords.infer(cue, extraction(split), null));
        Map<Long, String> trainValues = presence(train, keywords.infer(cue, extraction(train), null));
        return new CueValues(values, Map.of(), counts(train, trainValues), List.of("keyword cue read from the captions;"
                + " a sample without a readable caption counts as absent"));
    }

    /**
     * A printed word read by OCR (EXTRACT's cache, shared with its runs): present, with its boxes, or absent. The
     * training pairing is estimated from the first images of each label, as many as EXTRACT reads for reference.
     */
    static CueValues ofPrintedWord(String cue, List<SampleRecord> split, List<SampleRecord> train, Path ocrCache,
                                   IntConsumer progress) {
        String word = cue.substring(TEXT.length()).toLowerCase(Locale.ROOT);
        int perLabel = ExtractionSettings.defaults().textReferencePerLabel();
        List<SampleRecord> reference = train.stream().collect(Collectors.groupingBy(SampleRecord::label, TreeMap::new,
                Collectors.toList())).values().stream().flatMap(l -> l.stream().limit(perLabel)).toList();
        List<SampleRecord> all = new ArrayList<>(split);
        all.addAll(reference);
        PrintedTextCache.Reading reading = new PrintedTextCache(ocrCache, ExtractionSettings.defaults().detectionSide())
                .read(all.stream().map(SampleRecord::image).toList(), progress);
        Map<Long, String> values = new LinkedHashMap<>();
        Map<Long, List<PixelBox>> boxes = new HashMap<>();
        Map<Long, String> referenceValues = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            List<PixelBox> found = reading.words().get(i).stream().filter(w -> w.text().equals(word))
                    .map(CueValues::box).toList();
            long id = all.get(i).id();
            if (i < split.size()) {
                values.put(id, found.isEmpty() ? ABSENT : PRESENT);
                if (!found.isEmpty()) {
                    boxes.put(id, found);
                }
            } else {
                referenceValues.put(id, found.isEmpty() ? ABSENT : PRESENT);
            }
        }
        return new CueValues(values, boxes, counts(reference, referenceValues), List.of(String.format(Locale.ROOT,
                "printed word read by OCR: %d images read, %d from the cache; training pairing from %d training images"
                        + " (up to %d per label)", reading.read(), reading.cached(), reference.size(), perLabel)));
    }

    private static PixelBox box(PrintedWord w) {
        return new PixelBox(Math.max(0, w.box().x()), Math.max(0, w.box().y()), Math.max(1, w.box().width()), Math.max(1, w.box().height()));
    }

    private static List<ExtractionSample> extraction(List<SampleRecord> samples) {
        // The label index is not read for keyword cues; the id is what the answer is keyed by.
        return samples.stream().map(s -> new ExtractionSample(String.valueOf(s.id()), s.image(), 0, s.caption(),
                s.attributes(), s.mask())).toList();
    }

    private static Map<Long, String> presence(List<SampleRecord> samples, Map<String, Boolean> answer) {
        Map<Long, String> out = new LinkedHashMap<>();
        samples.forEach(s -> out.put(s.id(), Boolean.TRUE.equals(answer.get(String.valueOf(s.id()))) ? PRESENT : ABSENT));
        return out;
    }

    private static Map<String, Integer> counts(List<SampleRecord> samples, Map<Long, String> values) {
        Map<String, Integer> out = new TreeMap<>();
        samples.forEach(s -> out.merge(s.label() + "|" + values.get(s.id()), 1, Integer::sum));
        return out;
    }
}
