package com.spurlab.scheduler.step.extract;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.cues.CueResult;
import com.spurlab.core.cues.CueResults;
import com.spurlab.core.dataset.DatasetVersionView;
import com.spurlab.core.dataset.DerivedVersions;
import com.spurlab.core.dataset.SampleRecord;
import com.spurlab.core.step.StepExecution;
import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.extract.Cue;
import com.spurlab.inference.extract.CueInference;
import com.spurlab.inference.extract.CueReport;
import com.spurlab.inference.extract.ExtractionSample;
import com.spurlab.inference.extract.ExtractionSettings;
import com.spurlab.scheduler.step.StepData;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Turns a cue into the yes/no attribute {@code cue:<cue>} of every sample of the version and derives a version that
 * carries it (all splits shared by reference), so GroupDRO or DFR can balance groups by a cue nobody annotated.
 */
@Component
class InferredCueAttribute {

    static final String YES = "yes";
    static final String NO = "no";

    private final DerivedVersions derivedVersions;
    private final ClassifierEvaluator evaluator = new ClassifierEvaluator();

    InferredCueAttribute(DerivedVersions derivedVersions) {
        this.derivedVersions = derivedVersions;
    }

    /**
     * The cue {@code TOP} stands for: the best-ranked cue that is a property of a sample (the mask is a region).
     *
     * @throws InvalidRequestException when the extraction ranked none
     */
    static String resolve(String asked, CueReport report) {
        if (!ExtractParams.TOP.equals(asked)) {
            return asked;
        }
        return report.cues().stream().map(Cue::cue).filter(c -> !c.equals("mask")).findFirst()
                .orElseThrow(() -> new InvalidRequestException("no_cue", "deriveAttribute TOP: EXTRACT ranked no cue "
                        + "that a sample can carry on " + report.split() + "; name a cue or look at more sources"));
    }

    /**
     * @param every    every sample of the version (all splits), as the extraction sees them
     * @param modelDir the examined model: a {@code slice:} cue assigns samples by its embeddings
     * @throws InvalidRequestException when the cue cannot be inferred (a slice the run did not find, a keyword of stop
     *                                 words); the message says what to choose instead
     */
    CueResult.DerivedAttribute derive(StepExecution<?> job, String cue, CueReport report, StepData data,
            List<ExtractionSample> every, Path modelDir, Path ocrCache, ExtractionSettings settings) {
        float[][] embeddings = null;
        if (cue.startsWith("slice:")) {
            job.progress().report(0.82, "embedding " + every.size() + " images to assign them to " + cue);
            embeddings = evaluator.score(modelDir, every.stream().map(s -> new LabeledImage(s.sampleId(), s.imageFile(),
                    s.label(), null)).toList()).embeddings();
        }
        job.progress().checkCancelled();
        job.progress().report(0.85, "inferring " + CueInference.attributeName(cue) + " for " + every.size() + " images");
        Map<String, Boolean> carries;
        try {
            carries = new CueInference(report, ocrCache, settings).infer(cue, every, embeddings);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_cue", "deriveAttribute: " + e.getMessage());
        }
        String attribute = CueInference.attributeName(cue);
        Map<Long, Map<String, String>> extra = new LinkedHashMap<>();
        carries.forEach((id, yes) -> extra.put(Long.valueOf(id), Map.of(attribute, yes ? YES : NO)));
        Set<String> splits = data.samples().stream().map(SampleRecord::split).collect(Collectors.toSet());
        job.progress().report(0.92, "deriving a version with " + attribute);
        DatasetVersionView derived = derivedVersions.derive(new DerivedVersions.Derivation(job.datasetVersionId(),
                job.jobId(), CueResults.KIND, splits, extra, List.of()));
        int yes = (int) carries.values().stream().filter(Boolean::booleanValue).count();
        return new CueResult.DerivedAttribute(cue, attribute, derived.id(), carries.size(), yes);
    }
}
