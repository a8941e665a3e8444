package com.spurlab.inference.synth;

import com.spurlab.inference.edit.EditSample;
import com.spurlab.inference.edit.mask.TextBox;
import com.spurlab.inference.extract.CueInference;
import com.spurlab.inference.extract.ErrorSlice;
import com.spurlab.inference.extract.ExtractionSample;
import com.spurlab.inference.extract.ExtractionSettings;
import com.spurlab.inference.extract.ocr.PrintedTextCache;
import com.spurlab.inference.extract.ocr.PrintedWord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Each sample's value of a cue, and for a printed word the boxes OCR found it in. Attribute cues read the
 * attribute; keyword and text cues are answered yes/no as EXTRACT's inferred attribute answers them
 * ({@link CueInference}), so {@code cue:text:sale} means the same here as after EXTRACT.
 */
public final class CueValues {

    private final SynthesisCue cue;
    private final Map<String, String> values;
    private final Map<String, List<TextBox>> boxes;

    private CueValues(SynthesisCue cue, Map<String, String> values, Map<String, List<TextBox>> boxes) {
        this.cue = cue;
        this.values = values;
        this.boxes = boxes;
    }

    /**
     * Reads the cue's values of {@code samples}.
     *
     * @param ocrCache where OCR readings are cached (EXTRACT's cache folder); needed for text cues, else may be null
     * @param progress receives the number of images OCR has answered so far (text cues only)
     * @throws IllegalArgumentException when a text cue has no OCR cache
     */
    public static CueValues read(SynthesisCue cue, List<EditSample> samples, Path ocrCache, IntConsumer progress) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, List<TextBox>> boxes = new HashMap<>();
        // OCR first, with progress: CueInference below then finds every reading in the cache.
        if (cue.region() == SynthesisCue.Region.TEXT) {
            boxes.putAll(wordBoxes(cue.word(), samples, ocrCache, progress == null ? n -> { } : progress));
        }
        if (!cue.inferred()) {
            samples.forEach(s -> {
                String value = s.attributes().get(cue.attribute());
                if (value != null) {
                    values.put(s.sampleId(), value);
                }
            });
        } else {
            List<ExtractionSample> asked = samples.stream().map(s -> new ExtractionSample(s.sampleId(), s.imageFile(),
                    s.label(), s.caption(), s.attributes(), s.maskFile())).toList();
            new CueInference(List.<ErrorSlice>of(), ocrCache, ExtractionSettings.defaults()).infer(cue.name(), asked, null)
                    .forEach((id, yes) -> values.put(id, yes ? SynthesisCue.YES : SynthesisCue.NO));
        }
        return new CueValues(cue, values, boxes);
    }

    /** Values given directly (tests, benchmarks with known boxes): sample id to value, sample id to the word's boxes. */
    public static CueValues of(SynthesisCue cue, Map<String, String> values, Map<String, List<TextBox>> boxes) {
        return new CueValues(cue, new LinkedHashMap<>(values), new HashMap<>(boxes));
    }

    public SynthesisCue cue() {
        return cue;
    }

    /** The sample's value, or null when it has none (an attribute it lacks). */
    public String valueOf(String sampleId) {
        return values.get(sampleId);
    }

    /** The boxes the cue's word was read in, in the sample's image; empty when none or not a text cue. */
    public List<TextBox> boxes(String sampleId) {
        return boxes.getOrDefault(sampleId, List.of());
    }

    /** Every sample's value, in the order read. */
    public Map<String, String> values() {
        return Map.copyOf(values);
    }

    private static Map<String, List<TextBox>> wordBoxes(String word, List<EditSample> samples, Path ocrCache,
            IntConsumer progress) {
        if (ocrCache == null) {
            throw new IllegalArgumentException("a printed-word cue needs the OCR cache folder to find its boxes");
        }
        List<List<PrintedWord>> read = new PrintedTextCache(ocrCache, ExtractionSettings.defaults().detectionSide())
                .read(samples.stream().map(EditSample::imageFile).toList(), progress).words();
        Map<String, List<TextBox>> out = new HashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            List<TextBox> found = new ArrayList<>();
            for (PrintedWord w : read.get(i)) {
                TextBox box = new TextBox(samples.get(i).sampleId(), w.text(), w.box());
                if (box.reads(word)) {
                    found.add(box);
                }
            }
            if (!found.isEmpty()) {
                out.put(samples.get(i).sampleId(), List.copyOf(found));
            }
        }
        return out;
    }
}
