package com.spurlab.inference.extract;

import java.util.List;

/**
 * DESIGN's cue result, {@code {split, baseErrorRate, cues: [...]}}, extended with the slices, the
 * per-class saliency, the caption words treated as foreground, and notes on what could not be used.
 *
 * @param split         the split examined
 * @param samples       its size
 * @param baseErrorRate the model's error rate on the whole split
 * @param cues          suspected cues, best first (rank 1..)
 * @param slices        the error slices (their centres let a step assign other samples)
 * @param saliency      per class, where input gradients fall; empty without masks
 * @param foreground    caption/printed words that name a class and so are never cues
 * @param notes         readable lines: a source skipped and why, captions with odd encodings, ...
 * @param timings       where the time went
 */
public record CueReport(String split, int samples, double baseErrorRate, List<Cue> cues, List<ErrorSlice> slices,
        List<SaliencyByLabel> saliency, List<String> foreground, List<String> notes, Timings timings) {

    public CueReport {
        cues = List.copyOf(cues);
        slices = List.copyOf(slices);
        saliency = List.copyOf(saliency);
        foreground = List.copyOf(foreground);
        notes = List.copyOf(notes);
    }

    /**
     * @param totalMillis        the whole extraction
     * @param ocrImagesRead      images run through OCR (not cached)
     * @param ocrImagesCached    images whose OCR came from the cache
     * @param ocrMillisPerImage  OCR wall time per image read, models loaded included; NaN when none was read
     * @param saliencyMillis     saliency (0 when not run)
     */
    public record Timings(double totalMillis, int ocrImagesRead, int ocrImagesCached, double ocrMillisPerImage,
            double saliencyMillis) {
    }
}
