package com.spurlab.core.cues;

import java.util.List;

/**
 * An EXTRACT run's result, as stored in the run's details and served by {@code GET /api/v1/runs/{id}/cues}: DESIGN.md's
 * {@code {split, baseErrorRate, cues: [{rank, cue, kind, label, n, errorRate, lift, ciLow, ciHigh, score, evidence}]}}
 * at those names, best first, then the extensions: each row's error-rate interval and association, the error slices
 * (their centres assign other samples to {@code slice:<n>}), per-class saliency, the words treated as foreground, the
 * sources used, the attribute derived from a cue, notes and timings. A figure that does not exist is {@code null}.
 *
 * @param samples    samples of the split examined
 * @param sources    the sources EXTRACT used (ATTRIBUTES, KEYWORDS, TEXT, SLICES, SALIENCY)
 * @param foreground caption and printed words that name a class, so never cues
 * @param derived    the inferred attribute made from a cue, or {@code null} when none was asked for
 */
public record CueResult(String split, int samples, Double baseErrorRate, List<CueRow> cues, List<Slice> slices,
        List<Saliency> saliency, List<String> foreground, List<String> sources, DerivedAttribute derived,
        List<String> notes, Timings timings) {

    public CueResult {
        cues = cues == null ? List.of() : List.copyOf(cues);
        slices = slices == null ? List.of() : List.copyOf(slices);
        saliency = saliency == null ? List.of() : List.copyOf(saliency);
        foreground = foreground == null ? List.of() : List.copyOf(foreground);
        sources = sources == null ? List.of() : List.copyOf(sources);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * One suspected cue. Within {@code label}, samples that carry the cue against those that do not (a slice: its
     * members against the rest of the split; the mask: gradient share outside the mask against the area outside).
     *
     * @param kind          ATTRIBUTE, KEYWORD, TEXT, SLICE or SALIENCY
     * @param n             samples that carry the cue
     * @param errors        the model's errors among them
     * @param errorRateLow  Wilson 95 % interval of the error rate
     * @param lift          error rate with the cue over error rate without it
     * @param ciLow         95 % interval of the lift (Katz)
     * @param predicts      the class the cue points to in train, or {@code null}
     * @param association   how much better than chance the cue predicts {@code predicts} in train, 0..1
     * @param score         the ranking score
     * @param evidence      sample ids of errors that carry the cue, most confident errors first
     * @param describedBy   for a slice, the named cues over-represented among its members
     */
    public record CueRow(int rank, String cue, String kind, String label, int n, int errors, Double errorRate,
            Double errorRateLow, Double errorRateHigh, Double lift, Double ciLow, Double ciHigh, String predicts,
            Double association, Double score, List<Long> evidence, List<String> describedBy) {

        public CueRow {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
            describedBy = describedBy == null ? List.of() : List.copyOf(describedBy);
        }
    }

    /**
     * A cluster of the model's errors in its embedding space.
     *
     * @param cue         its name, {@code slice:<id>}
     * @param label       the true class most of its errors have
     * @param members     samples of the split in it, errors and correct ones
     * @param describedBy attributes, keywords and printed words over-represented among its members, most first
     * @param centroid    its centre in L2-normalised embedding space
     * @param radius      a sample belongs to it when nearest to this centre and within this distance
     */
    public record Slice(int id, String cue, String label, int members, int errors, Double errorRate,
            List<String> describedBy, float[] centroid, Double radius) {

        public Slice {
            describedBy = describedBy == null ? List.of() : List.copyOf(describedBy);
            centroid = centroid == null ? new float[0] : centroid.clone();
        }
    }

    /**
     * Where input gradients fall for one class.
     *
     * @param gradientOutside mean share of gradient mass outside the foreground mask
     * @param areaOutside     mean share of the image outside the mask (what uniform attention gives)
     * @param excessLow       95 % interval of the excess (gradient share minus area share)
     */
    public record Saliency(String label, int n, Double gradientOutside, Double areaOutside, Double excessLow,
            Double excessHigh) {
    }

    /**
     * A cue turned into an inferred yes/no attribute of a derived dataset version.
     *
     * @param cue              the cue, e.g. {@code text:sale}
     * @param attribute        the attribute name in the derived version, {@code cue:<cue>}
     * @param datasetVersionId the derived version
     * @param samples          samples given the attribute (every split)
     * @param carriers         samples where it is {@code yes}
     */
    public record DerivedAttribute(String cue, String attribute, long datasetVersionId, int samples, int carriers) {
    }

    /**
     * Where the time went, in milliseconds.
     *
     * @param ocrMillisPerImage OCR per image read now; {@code null} when every image came from the cache
     */
    public record Timings(Double totalMillis, int ocrImagesRead, int ocrImagesCached, Double ocrMillisPerImage,
            Double saliencyMillis) {
    }
}
