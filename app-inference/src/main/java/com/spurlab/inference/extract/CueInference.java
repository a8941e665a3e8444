package com.spurlab.inference.extract;

import com.spurlab.inference.extract.ocr.PrintedTextCache;
import com.spurlab.inference.extract.ocr.PrintedWord;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a cue into an inferred yes/no attribute {@code cue:<name>} of any samples (train, val, test of
 * a dataset version), so GroupDRO or DFR can use a cue nobody annotated.
 */
public final class CueInference {

    /** The attribute name a derived dataset version stores the answer under: {@code cue:<cue name>}. */
    public static String attributeName(String cue) {
        return "cue:" + cue;
    }

    private final List<ErrorSlice> slices;
    private final Path ocrCache;
    private final ExtractionSettings settings;

    /**
     * @param report   the extraction whose slices define {@code slice:<n>}
     * @param ocrCache the OCR cache folder (for {@code text:} cues; images not cached yet are read)
     * @param settings the extraction's settings (the OCR detection side keys the cache)
     */
    public CueInference(CueReport report, Path ocrCache, ExtractionSettings settings) {
        this(report.slices(), ocrCache, settings);
    }

    /**
     * For a step after EXTRACT, from its stored {@link CueFindings#slices() findings}.
     *
     * @param slices the extraction's error slices: they define {@code slice:<n>}
     */
    public CueInference(List<ErrorSlice> slices, Path ocrCache, ExtractionSettings settings) {
        this.slices = List.copyOf(slices);
        this.ocrCache = ocrCache;
        this.settings = settings == null ? ExtractionSettings.defaults() : settings;
    }

    /**
     * Per sample id, whether it carries {@code cue}.
     *
     * @param embeddings the model's embeddings of {@code samples}, same order; needed for {@code slice:} cues only
     * @throws IllegalArgumentException when the cue name is unknown, has no per-sample meaning ({@code mask}), names a
     *                                  slice the report lacks, or lacks what it needs (embeddings, OCR cache)
     */
    public Map<String, Boolean> infer(String cue, List<ExtractionSample> samples, float[][] embeddings) {
        Map<String, Boolean> answer = new LinkedHashMap<>();
        if (cue.startsWith(Cues.ATTRIBUTE)) {
            String spec = cue.substring(Cues.ATTRIBUTE.length());
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("cue '" + cue + "' names no value: use attribute:<name>=<value>");
            }
            String name = spec.substring(0, eq);
            String value = spec.substring(eq + 1);
            samples.forEach(s -> answer.put(s.sampleId(), value.equals(s.attributes().get(name))));
        } else if (cue.startsWith(Cues.KEYWORD)) {
            try (CaptionKeywords analyser = new CaptionKeywords(List.of())) {
                Set<String> wanted = analyser.stems(cue.substring(Cues.KEYWORD.length()));
                if (wanted.isEmpty()) {
                    throw new IllegalArgumentException("cue '" + cue + "' holds no keyword (a stop word or one letter)");
                }
                for (ExtractionSample s : samples) {
                    boolean readable = s.caption() != null && !CaptionKeywords.misdecoded(s.caption());
                    answer.put(s.sampleId(), readable && analyser.stems(s.caption()).containsAll(wanted));
                }
            }
        } else if (cue.startsWith(Cues.TEXT)) {
            if (ocrCache == null) {
                throw new IllegalArgumentException("cue '" + cue + "' needs OCR: give the OCR cache folder");
            }
            String word = cue.substring(Cues.TEXT.length()).toLowerCase(Locale.ROOT);
            List<List<PrintedWord>> read = new PrintedTextCache(ocrCache, settings.detectionSide())
                    .read(samples.stream().map(ExtractionSample::imageFile).toList(), done -> {
                    }).words();
            for (int i = 0; i < samples.size(); i++) {
                answer.put(samples.get(i).sampleId(), read.get(i).stream().anyMatch(w -> w.text().equals(word)));
            }
        } else if (cue.startsWith(Cues.SLICE)) {
            int id = sliceId(cue);
            if (embeddings == null || embeddings.length != samples.size()) {
                throw new IllegalArgumentException("cue '" + cue + "' needs the model's embeddings of the samples"
                        + " (ClassifierEvaluator.score), one per sample");
            }
            for (int i = 0; i < samples.size(); i++) {
                answer.put(samples.get(i).sampleId(), ErrorSlice.assign(slices, embeddings[i]) == id);
            }
        } else if (cue.equals(Cues.MASK)) {
            throw new IllegalArgumentException("cue 'mask' is a region of every image, not a yes/no property of a sample:"
                    + " use it with EDIT, or choose an attribute, keyword, text or slice cue");
        } else {
            throw new IllegalArgumentException("unknown cue '" + cue + "': use attribute:<name>=<value>, keyword:<word>,"
                    + " text:<word>, slice:<n> or mask");
        }
        return answer;
    }

    private int sliceId(String cue) {
        int id;
        try {
            id = Integer.parseInt(cue.substring(Cues.SLICE.length()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cue '" + cue + "' is not slice:<number>", e);
        }
        if (slices.stream().noneMatch(s -> s.id() == id)) {
            throw new IllegalArgumentException("cue '" + cue + "': the extraction found slices "
                    + slices.stream().map(s -> Cues.SLICE + s.id()).toList());
        }
        return id;
    }
}
