package com.spurlab.inference.extract;

import com.spurlab.inference.eval.ScoredSamples;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything EXTRACT reads.
 *
 * @param split      name of the split examined, e.g. {@code val}
 * @param samples    the split's samples
 * @param scored     the model's predictions and embeddings on {@code samples}, same order
 *                   ({@code ClassifierEvaluator.score(modelDir, images)})
 * @param reference  the training split: where a cue's association with a class is measured (labels, captions,
 *                   attributes; a few images per class for OCR); may be empty, then only slices and saliency rank
 * @param classNames the dataset version's class names, index = label; must equal the model's
 * @param modelDir   the model folder ({@code spurlab-model.properties} + weights), for the class check and saliency
 * @param sources    which sources to use; empty means all
 * @param ocrCache   folder for cached OCR results (shared across runs), or {@code null} to skip TEXT
 * @param settings   sizes and seed
 */
public record ExtractionRequest(String split, List<ExtractionSample> samples, ScoredSamples scored,
        List<ExtractionSample> reference, List<String> classNames, Path modelDir, Set<CueSource> sources, Path ocrCache,
        ExtractionSettings settings) {

    public ExtractionRequest {
        Objects.requireNonNull(split, "split");
        samples = samples == null ? List.of() : List.copyOf(samples);
        reference = reference == null ? List.of() : List.copyOf(reference);
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
        sources = sources == null || sources.isEmpty() ? CueSource.all() : EnumSet.copyOf(sources);
        settings = settings == null ? ExtractionSettings.defaults() : settings;
    }

    boolean uses(CueSource source) {
        return sources.contains(source);
    }
}
