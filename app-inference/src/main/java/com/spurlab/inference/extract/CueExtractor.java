package com.spurlab.inference.extract;

import com.spurlab.inference.extract.ocr.PrintedWord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * EXTRACT: ranks the cues a classifier leans on in one split.
 *
 * <p>Sources, each used when the data supports it and the request's {@code sources} allow it:
 * attribute values ({@code attribute:<name>=<value>}), caption keywords ({@code keyword:<word>}, Lucene's
 * English analyzer), words printed in the images ({@code text:<word>}, PP-OCRv4), clusters of the
 * model's errors in embedding space ({@code slice:<n>}) and input gradients outside the foreground mask
 * ({@code mask}).
 *
 * <p>Score (see {@link CueScoring}): for a named cue, within the class where it raises errors,
 * {@code association x max(0, lower 95 % bound of (error rate with cue - error rate without))}; a slice
 * scores the lower bound of its own error-rate difference, capped at the best score of the named cues
 * that describe it; the mask scores the lower bound of its excess gradient share. Ties go to named cues
 * first (attribute, keyword, text, slice, saliency).
 *
 * <p>Saliency records gradients and so holds the process's
 * {@link com.spurlab.inference.train.TrainingEngine} lease while it runs; a step that runs EXTRACT with
 * SALIENCY on data with masks needs the same exclusive slot as TRAIN.
 */
public final class CueExtractor {

    public CueExtractor() {
    }

    /**
     * True when an extraction with these sources records gradients, i.e. holds the process's
     * {@link com.spurlab.inference.train.TrainingEngine} lease: SALIENCY is asked for and some sample of the split
     * has a foreground mask. A step declares the exclusive training slot exactly then.
     */
    public static boolean recordsGradients(Set<CueSource> sources, boolean splitHasMasks) {
        return (sources == null || sources.isEmpty() || sources.contains(CueSource.SALIENCY)) && splitHasMasks;
    }

    /**
     * @throws IllegalArgumentException       when the request cannot be answered (empty split, a model of another
     *                                        label set, predictions of other samples); the message says what to fix
     * @throws ExtractionCancelledException   when {@code progress} asks to stop
     * @throws java.io.UncheckedIOException   when an image, mask or the model cannot be read
     */
    public Extraction extract(ExtractionRequest request, ExtractionProgress progress) {
        ExtractionProgress listener = progress == null ? ExtractionProgress.NONE : progress;
        long start = System.nanoTime();
        Outcomes outcomes = RequestCheck.check(request);
        List<String> notes = new ArrayList<>();
        Set<String> foreground = new TreeSet<>();
        List<CueCandidate> named = new ArrayList<>();
        if (request.reference().isEmpty()) {
            notes.add("no training samples given: attribute, keyword and text cues cannot be tied to a class and score 0");
        }
        if (request.uses(CueSource.ATTRIBUTES)) {
            List<CueCandidate> attributes = NamedCues.attributes(request.samples(), request.reference());
            if (attributes.isEmpty()) {
                notes.add("ATTRIBUTES not used: no attribute value is carried by " + CueScoring.MIN_SUPPORT
                        + " or more samples of the split");
            }
            named.addAll(attributes);
        }
        if (request.uses(CueSource.KEYWORDS)) {
            NamedCues.Keywords keywords = NamedCues.keywords(request.samples(), request.reference(), request.classNames());
            named.addAll(keywords.candidates());
            foreground.addAll(keywords.foreground());
            notes.addAll(keywords.notes());
        }
        checkCancelled(listener, "finding keywords");
        listener.onProgress("named cues", 0.05);
        List<List<PrintedWord>> printed = null;
        int ocrRead = 0;
        int ocrCached = 0;
        double ocrMillisPerImage = Double.NaN;
        if (request.uses(CueSource.TEXT)) {
            if (request.ocrCache() == null) {
                notes.add("TEXT not used: no OCR cache folder was given");
            } else {
                PrintedTextCues.Found text = PrintedTextCues.find(request, listener, 0.05, 0.7);
                named.addAll(text.candidates());
                foreground.addAll(text.foreground());
                printed = text.splitWords();
                ocrRead = text.reading().read();
                ocrCached = text.reading().cached();
                ocrMillisPerImage = text.reading().millisPerImageRead();
            }
        }
        CueScoring scoring = new CueScoring(outcomes, request.classNames(), request.settings().evidencePerCue());
        List<Cue> rows = new ArrayList<>();
        named.forEach(c -> rows.addAll(scoring.score(c)));
        List<Cue> namedRows = List.copyOf(rows);

        List<ErrorSlice> slices = List.of();
        int[] membership = new int[outcomes.size()];
        Arrays.fill(membership, -1);
        if (request.uses(CueSource.SLICES)) {
            listener.onProgress("clustering errors", 0.72);
            ErrorSlices.Found found = ErrorSlices.find(request.scored().embeddings(), outcomes, request.classNames(),
                    request.settings().seed());
            if (found.slices().isEmpty()) {
                notes.add("SLICES not used: fewer than " + CueScoring.MIN_SUPPORT + " errors in the split");
            }
            slices = DerivedCues.describe(found, named);
            membership = found.membership();
            rows.addAll(DerivedCues.sliceRows(slices, membership, outcomes, namedRows, scoring));
        }
        checkCancelled(listener, "clustering errors");

        SaliencyMeter.Measured measured = null;
        List<SaliencyByLabel> saliency = List.of();
        double saliencyMillis = 0;
        if (request.uses(CueSource.SALIENCY)) {
            boolean masks = request.samples().stream().anyMatch(s -> s.maskFile() != null);
            if (!recordsGradients(request.sources(), masks) || request.modelDir() == null) {
                notes.add(masks ? "SALIENCY not used: no model folder was given"
                        : "SALIENCY not used: no sample of the split has a foreground mask");
            } else {
                listener.onProgress("measuring saliency", 0.8);
                long saliencyStart = System.nanoTime();
                measured = SaliencyMeter.measure(request.modelDir(), request.samples(), outcomes.classes(),
                        request.settings().saliencyPerLabel(), request.settings().seed(), listener);
                saliencyMillis = (System.nanoTime() - saliencyStart) / 1e6;
                saliency = DerivedCues.saliency(measured, outcomes, request.classNames());
                rows.addAll(DerivedCues.maskRow(saliency, measured, outcomes, request.classNames(), scoring));
            }
        }

        List<Cue> ranked = rank(rows, request.settings().maxCues());
        List<SampleFindings> findings = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            findings.add(new SampleFindings(outcomes.ids()[i], printed == null ? List.of() : printed.get(i), membership[i],
                    measured == null ? Double.NaN : measured.gradientOutside()[i],
                    measured == null ? Double.NaN : measured.areaOutside()[i]));
        }
        double base = (double) outcomes.errorCount() / outcomes.size();
        CueReport.Timings timings = new CueReport.Timings((System.nanoTime() - start) / 1e6, ocrRead, ocrCached,
                ocrMillisPerImage, saliencyMillis);
        listener.onProgress("done", 1.0);
        return new Extraction(new CueReport(request.split(), outcomes.size(), base, ranked, slices, saliency,
                List.copyOf(foreground), notes, timings), findings);
    }

    /** Best first: score, then named before derived (a capped slice ties with the cue that explains it), lift, kind, name. */
    static List<Cue> rank(List<Cue> rows, int limit) {
        List<Cue> sorted = rows.stream().sorted(Comparator.comparingDouble(Cue::score).reversed()
                .thenComparing(c -> c.kind() == CueKind.SLICE || c.kind() == CueKind.SALIENCY)
                .thenComparing(Comparator.comparingDouble(Cue::lift).reversed())
                .thenComparing(Cue::kind).thenComparing(Cue::cue).thenComparing(Cue::label)).limit(limit).toList();
        List<Cue> ranked = new ArrayList<>(sorted.size());
        for (int r = 0; r < sorted.size(); r++) {
            ranked.add(sorted.get(r).ranked(r + 1));
        }
        return ranked;
    }

    private static void checkCancelled(ExtractionProgress progress, String phase) {
        if (progress.cancelled()) {
            throw new ExtractionCancelledException(phase);
        }
    }
}
