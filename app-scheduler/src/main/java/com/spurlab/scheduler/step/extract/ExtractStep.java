package com.spurlab.scheduler.step.extract;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.cues.CueResult;
import com.spurlab.core.cues.CueResults;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.dataset.SampleRecord;
import com.spurlab.core.run.ArtifactOutput;
import com.spurlab.core.run.RunService;
import com.spurlab.core.step.ArtifactType;
import com.spurlab.core.step.PlanContext;
import com.spurlab.core.step.Step;
import com.spurlab.core.step.StepCancelledException;
import com.spurlab.core.step.StepExecution;
import com.spurlab.core.step.StepOutcome;
import com.spurlab.core.step.StepResources;
import com.spurlab.core.storage.StorageSettings;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.eval.ScoredSamples;
import com.spurlab.inference.extract.CueExtractor;
import com.spurlab.inference.extract.CueFindings;
import com.spurlab.inference.extract.CueSource;
import com.spurlab.inference.extract.Extraction;
import com.spurlab.inference.extract.ExtractionCancelledException;
import com.spurlab.inference.extract.ExtractionRequest;
import com.spurlab.inference.extract.ExtractionSample;
import com.spurlab.scheduler.step.StepData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * EXTRACT: ranks the cues the model upstream (or named by {@code modelRunId}) leans on in one split, from the sources
 * the data supports; the ranking is the run's details ({@link CueResult}), the per-sample findings (printed words with
 * boxes, slices) the files of its CUES artifact ({@link CueFindings}). With {@code deriveAttribute} it also derives a
 * version carrying the cue as an attribute, which the steps after it work on.
 */
@Component
@Order(40)
class ExtractStep implements Step<ExtractParams> {

    private final DatasetService datasets;
    private final RunService runs;
    private final StorageSettings storage;
    private final InferredCueAttribute inferred;
    private final ClassifierEvaluator evaluator = new ClassifierEvaluator();
    private final CueExtractor extractor = new CueExtractor();

    ExtractStep(DatasetService datasets, RunService runs, StorageSettings storage, InferredCueAttribute inferred) {
        this.datasets = datasets;
        this.runs = runs;
        this.storage = storage;
        this.inferred = inferred;
    }

    @Override
    public String type() {
        return CueResults.KIND;
    }

    @Override
    public Class<ExtractParams> parameters() {
        return ExtractParams.class;
    }

    @Override
    public String description() {
        return "Ranks the cues a trained model leans on (attribute values, caption keywords, words printed in the images,"
                + " clusters of its errors, gradients outside the foreground) with evidence images; can turn one into"
                + " an attribute of a derived version for GroupDRO or DFR.";
    }

    @Override
    public Set<ArtifactType> needs() {
        return Set.of(ArtifactType.MODEL);
    }

    /** A DATASET_VERSION only when {@code deriveAttribute} is set; the steps after it then work on that version. */
    @Override
    public Set<ArtifactType> produces() {
        return Set.of(ArtifactType.CUES, ArtifactType.DATASET_VERSION);
    }

    /** Saliency records gradients: then the node's one training engine, else a model slot. */
    @Override
    public StepResources resources(ExtractParams p) {
        boolean saliency = p.sources() == null || p.sources().contains(CueSource.SALIENCY);
        return saliency ? StepResources.TRAINING : StepResources.MODEL;
    }

    @Override
    public ExtractParams prepare(ExtractParams p, PlanContext plan) {
        return ExtractPlan.prepare(p, plan, datasets.splitContents(plan.dataset().id(), p.split().key()));
    }

    @Override
    public StepOutcome run(StepExecution<ExtractParams> job) {
        ExtractParams p = job.params();
        RunService.TrainedModel model = runs.trainedModel(job.inputs().require(ArtifactType.MODEL).runId());
        StepData data = StepData.of(datasets.samplesForJob(job.datasetVersionId()), List.of());
        data.requireClasses(model.modelDir());
        String split = p.split().key();
        List<ExtractionSample> samples = samples(data, split);
        if (samples.isEmpty()) {
            throw new InvalidRequestException("empty_split", "dataset version " + job.datasetVersionId() + " has no "
                    + split + " samples; choose a split it has: " + data.samples().stream().map(SampleRecord::split)
                    .distinct().sorted().toList());
        }
        job.progress().report(0.02, "scoring " + samples.size() + " " + split + " images");
        ScoredSamples scored = evaluator.score(model.modelDir(), data.split(split));
        job.progress().checkCancelled();
        Path ocrCache = storage.ocrCache();
        Extraction x;
        try {
            x = extractor.extract(new ExtractionRequest(split, samples, scored, samples(data, "train"), data.classNames(),
                    model.modelDir(), EnumSet.copyOf(p.sources()), ocrCache, p.settings()),
                    new ExtractionJobProgress(job.progress(), 0.1, p.deriveAttribute() == null ? 0.97 : 0.8));
        } catch (ExtractionCancelledException e) {
            throw new StepCancelledException();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_input", e.getMessage());
        }
        Path folder = job.folder().resolve("cues");
        CueFindings.of(x).write(folder);
        List<ArtifactOutput> outputs = new ArrayList<>(List.of(ArtifactOutput.files(ArtifactType.CUES, folder)));
        CueResult.DerivedAttribute derived = null;
        if (p.deriveAttribute() != null) {
            String cue = InferredCueAttribute.resolve(p.deriveAttribute(), x.report());
            List<ExtractionSample> every = new ArrayList<>();
            for (String s : data.samples().stream().map(SampleRecord::split).distinct().toList()) {
                every.addAll(samples(data, s));
            }
            derived = inferred.derive(job, cue, x.report(), data, every, model.modelDir(), ocrCache, p.settings());
            outputs.add(new ArtifactOutput(ArtifactType.DATASET_VERSION, null, derived.datasetVersionId()));
        }
        CueResult result = CueResultMapping.of(x.report(), p.sources(), derived, List.of());
        long runId = runs.record(job, type(), null, model.runId(), result, outputs);
        return new StepOutcome(runId, summary(result));
    }

    /** The split's samples as EXTRACT sees them, in the order of {@link StepData#split}; a blank caption is none. */
    static List<ExtractionSample> samples(StepData data, String split) {
        return data.samples().stream().filter(s -> s.split().equals(split))
                .map(s -> new ExtractionSample(String.valueOf(s.id()), s.image(), data.classNames().indexOf(s.label()),
                        s.caption() == null || s.caption().isBlank() ? null : s.caption(), s.attributes(), s.mask()))
                .toList();
    }

    private static String summary(CueResult r) {
        String top = r.cues().stream().limit(3).map(c -> c.cue() + (c.lift() == null ? ""
                : String.format(Locale.ROOT, " (lift %.1f)", c.lift()))).collect(Collectors.joining(", "));
        String derived = r.derived() == null ? "" : "; derived dataset version " + r.derived().datasetVersionId()
                + " with " + r.derived().attribute() + " (" + r.derived().carriers() + " of " + r.derived().samples()
                + " yes)";
        return String.format(Locale.ROOT, "%s: %d images, error rate %.3f, %d cues%s%s", r.split(), r.samples(),
                r.baseErrorRate() == null ? Double.NaN : r.baseErrorRate(), r.cues().size(),
                top.isEmpty() ? "" : "; top " + top, derived);
    }
}
