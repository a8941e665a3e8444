package com.spurlab.inference.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an AUDIT step hands to {@link BiasAudit#run}.
 *
 * @param split          the audited split's name, e.g. {@code test}
 * @param cue            the audited cue, named as in DESIGN.md, e.g. {@code attribute:background} or {@code text:SALE}
 * @param modelDir       the model (as {@code ClassifierTrainer} saved it)
 * @param classNames     class names, index = label
 * @param samples        every sample of the split with its cue value (and mask or boxes where known)
 * @param trainCueCounts training samples per {@code "label|value"} of the cue, to orient the association tests;
 *                       may be empty
 * @param edits          an EDIT run's edits of samples of this split; empty when no EDIT run is given
 * @param editOperation  the EDIT run's operation (REPLACE_BACKGROUND, REMOVE_BACKGROUND, INPAINT, ADD_CUE), or {@code null}
 * @param workDir        where the concept images are written
 * @param settings       k, permutations, resamples, seed
 */
public record AuditRequest(String split, String cue, Path modelDir, List<String> classNames, List<ConceptSource> samples,
        Map<String, Integer> trainCueCounts, List<EditedImage> edits, String editOperation, Path workDir,
        AuditSettings settings) {

    public AuditRequest {
        if (samples == null || samples.isEmpty()) {
            throw new IllegalArgumentException("the split '" + split + "' has no samples to audit");
        }
        if (modelDir == null || workDir == null || settings == null || classNames == null) {
            throw new IllegalArgumentException("modelDir, classNames, workDir and settings are required");
        }
        classNames = List.copyOf(classNames);
        samples = List.copyOf(samples);
        trainCueCounts = trainCueCounts == null ? Map.of() : Map.copyOf(trainCueCounts);
        edits = edits == null ? List.of() : List.copyOf(edits);
    }
}
