package com.spurlab.inference.extract;

import com.spurlab.inference.extract.ocr.TextReader;

/**
 * How much EXTRACT looks at; {@link #defaults()} suits datasets of a few thousand images.
 *
 * @param seed                  seeds the choice of samples measured and the k-means starts
 * @param maxCues               rows kept in the report, best first
 * @param evidencePerCue        evidence sample ids per row
 * @param textReferencePerLabel training images per class read by OCR to measure a printed word's association with
 *                              a class (the split alone cannot: a balanced split shows no association)
 * @param saliencyPerLabel      masked samples per class whose input gradients are measured
 * @param detectionSide         longer side smaller images are enlarged to for OCR detection
 */
public record ExtractionSettings(long seed, int maxCues, int evidencePerCue, int textReferencePerLabel,
        int saliencyPerLabel, int detectionSide) {

    public ExtractionSettings {
        if (maxCues < 1 || evidencePerCue < 1 || textReferencePerLabel < 0 || saliencyPerLabel < 0) {
            throw new IllegalArgumentException("maxCues and evidencePerCue must be at least 1, textReferencePerLabel and"
                    + " saliencyPerLabel at least 0");
        }
        if (detectionSide < 64 || detectionSide > TextReader.MAX_DETECTION_SIDE) {
            throw new IllegalArgumentException("detectionSide must be between 64 and " + TextReader.MAX_DETECTION_SIDE
                    + " pixels, got " + detectionSide);
        }
    }

    public static ExtractionSettings defaults() {
        return new ExtractionSettings(42L, 50, 8, 100, 200, TextReader.DEFAULT_DETECTION_SIDE);
    }
}
