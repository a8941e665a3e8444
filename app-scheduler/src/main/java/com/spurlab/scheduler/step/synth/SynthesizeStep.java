package com.spurlab.scheduler.step.synth;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.dataset.DatasetVersionView;
import com.spurlab.core.dataset.DerivedVersions;
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
import com.spurlab.core.synthesis.SynthesisReport;
import com.spurlab.core.synthesis.SynthesisRuns;
import com.spurlab.inference.data.Augmentation;
import com.spurlab.inference.edit.EditSample;
import com.spurlab.inference.edit.mask.SegmentationSettings;
import com.spurlab.inference.synth.CueValues;
import com.spurlab.inference.synth.SynthesisCue;
import com.spurlab.inference.synth.SynthesisProgress;
import com.spurlab.inference.synth.SynthesisRequest;
import com.spurlab.inference.synth.SynthesisResult;
import com.spurlab.inference.synth.Synthesizer;
import com.spurlab.inference.train.TrainingMethod;
import com.spurlab.scheduler.step.StepData;
import com.spurlab.scheduler.step.TrainParams;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * SYNTHESIZE: fills the label × cue-value groups of the training split that a cue leaves nearly empty with images
 * recombined from the training images (see {@link Synthesizer}), judges them with a model that did not learn the cue,
 * and derives a version whose train split is the original plus the new images, val and test shared by reference.
 * Steps after it (TRAIN, EVALUATE) work on that version.
 */
@Component
@Order(60)
class SynthesizeStep implements Step<SynthesizeParams> {

    private final DatasetService datasets;
    private final DerivedVersions derived;
    private final RunService runs;
    private final StorageSettings storage;
    private final QualityJudge judge;
    private final Synthesizer synthesizer = new Synthesizer();

    SynthesizeStep(DatasetService datasets, DerivedVersions derived, RunService runs, StorageSettings storage) {
        this.datasets = datasets;
        this.derived = derived;
        this.runs = runs;
        this.storage = storage;
        this.judge = new QualityJudge(runs);
    }

    @Override
    public String type() {
        return SynthesisRuns.KIND;
    }

    @Override
    public Class<SynthesizeParams> parameters() {
        return SynthesizeParams.class;
    }

    @Override
    public String description() {
        return "Adds training images to the label × cue-value groups a cue leaves nearly empty (a foreground laid on a "
                + "background of the missing value, a printed word removed or added), so the cue no longer predicts "
                + "the label; steps after it train on the enlarged version. Reports how consistent, close to real and "
                + "diverse the new images are.";
    }

    @Override
    public Set<ArtifactType> needs() {
        return Set.of(ArtifactType.DATASET_VERSION);
    }

    @Override
    public Set<ArtifactType> produces() {
        return Set.of(ArtifactType.DATASET_VERSION);
    }

    @Override
    public StepResources resources(SynthesizeParams p) {
        // A background cue may train EDIT's segmentation network (images without a manifest mask, no ONNX model):
        // the plan cannot see masks, so it takes the training engine, as it does when the cue is only known at run time.
        boolean mayTrain = p.qualityModel() == QualityModel.TRAIN || p.cue() == null
                || SynthesisCue.parse(p.cue()).region() == SynthesisCue.Region.BACKGROUND;
        return mayTrain ? StepResources.TRAINING : StepResources.MODEL;
    }

    @Override
    public SynthesizeParams prepare(SynthesizeParams p, PlanContext plan) {
        String cue = p.cue();
        if (cue != null) {
            checkCue(cue, plan);
        } else if (!plan.upstream().contains(ArtifactType.EDIT_SET) && !plan.upstream().contains(ArtifactType.CUES)) {
            cue = plan.strongestSuspectedCue().map(a -> "attribute:" + a).orElseThrow(() -> plan.invalid("name the cue"
                    + " whose groups to fill (attribute:<name>, keyword:<word>, text:<word>): dataset version "
                    + plan.dataset().id() + " flags no attribute as a cue, and no EDIT or EXTRACT step upstream can name"
                    + " one"));
        }
        try {
            Augmentation.parse(p.augmentation());
        } catch (IllegalArgumentException e) {
            throw plan.invalid("augmentation " + e.getMessage());
        }
        boolean model = plan.upstream().contains(ArtifactType.MODEL);
        // A plain ERM model upstream (a pilot's baseline) learned the cue: it would judge new images by their cue.
        boolean erm = plan.upstream(TrainParams.class).map(t -> t.method() == TrainingMethod.ERM).orElse(false);
        QualityModel quality = p.qualityModel() == QualityModel.AUTO
                ? (model && !erm ? QualityModel.UPSTREAM : QualityModel.TRAIN) : p.qualityModel();
        if (quality == QualityModel.UPSTREAM && !model) {
            throw plan.invalid("qualityModel UPSTREAM needs a model: add a TRAIN step (GROUP_DRO or DFR) to its "
                    + "dependsOn or name one with modelRunId, or choose TRAIN or NONE");
        }
        return p.with(cue, quality);
    }

    private static void checkCue(String cue, PlanContext plan) {
        SynthesisCue parsed;
        try {
            parsed = SynthesisCue.parse(cue);
        } catch (IllegalArgumentException e) {
            throw plan.invalid("cue " + e.getMessage());
        }
        boolean attribute = !parsed.inferred();
        boolean laterAttribute = plan.derivedUpstream() && parsed.attribute().startsWith("cue:");
        if (attribute && !laterAttribute && !plan.attributes().contains(parsed.attribute())) {
            throw plan.invalid("cue " + cue + " names attribute '" + parsed.attribute() + "' which dataset version "
                    + plan.dataset().id() + " does not have; it has " + plan.attributes()
                    + (parsed.attribute().startsWith("cue:") ? " (an EXTRACT step upstream with deriveAttribute makes"
                    + " cue: attributes)" : ""));
        }
    }

    @Override
    public StepOutcome run(StepExecution<SynthesizeParams> job) {
        SynthesizeParams p = job.params();
        long versionId = job.datasetVersionId();
        DatasetVersionView version = datasets.getForJob(versionId);
        List<SampleRecord> records = datasets.samplesForJob(versionId);
        StepData data = StepData.of(records, List.of());
        List<EditSample> all = samples(records, data.classNames());
        List<EditSample> train = all.stream().filter(s -> s.split().equals("train")).toList();
        if (train.isEmpty()) {
            throw new InvalidRequestException("no_train_split", "dataset version " + versionId + " has no train samples"
                    + " to fill groups of");
        }
        CueChoice choice = CueChoice.resolve(p.cue(), job.inputs(), runs, version);
        SynthesisCue cue = parse(choice.cue());
        Map<String, Long> timings = new LinkedHashMap<>();
        long start = System.nanoTime();
        job.progress().report(0.01, "reading the values of " + cue.name());
        // Inferred cues become an attribute of every shared sample too, so val and test can be grouped by it.
        List<EditSample> read = cue.inferred() ? all : train;
        CueValues values = CueValues.read(cue, read, storage.ocrCache(), n -> job.progress().report(
                0.01 + 0.2 * n / read.size(), "OCR: " + n + " of " + read.size() + " images read"));
        job.progress().checkCancelled();
        timings.put("cueValues", millis(start));

        SynthesisRequest request = new SynthesisRequest(cue.name(), p.method(), p.targetShare(), p.maxAdded(), p.seed(),
                Augmentation.parse(p.augmentation()));
        SynthesisResult result;
        try {
            result = synthesizer.run(request, data.classNames(), train, values, job.folder().resolve("synthesis"),
                    SegmentationSettings.defaults(), progress(job));
        } catch (CancellationException e) {
            throw new StepCancelledException();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("cannot_synthesize", e.getMessage());
        }
        timings.put("masks", result.timings().masks());
        timings.put("donors", result.timings().backgrounds());
        timings.put("images", result.timings().images());
        timings.put("nearDuplicates", result.timings().hashes());
        job.progress().checkCancelled();

        start = System.nanoTime();
        SynthesisReport.Quality quality = judge.judge(job, data, values, result);
        timings.put("quality", millis(start));
        job.progress().checkCancelled();

        start = System.nanoTime();
        job.progress().report(0.9, "deriving the dataset version (" + result.items().size() + " new images)");
        DerivedVersion made = DerivedVersion.derive(derived, job, data.classNames(), records, values, result);
        timings.put("derive", millis(start));
        // The new images now live in the blob store: the job's working copies would only double the storage.
        DerivedVersion.deleteRecursively(job.folder().resolve("synthesis"));
        DerivedVersion.deleteRecursively(job.folder().resolve("quality-model"));

        SynthesisReport report = SynthesisReports.of(made, version, choice, p, result, quality, timings);
        long runId = runs.record(job, type(), p.method().name(), quality == null ? null : quality.modelRunId(), report,
                List.of(new ArtifactOutput(ArtifactType.DATASET_VERSION, null, made.view().id())));
        return new StepOutcome(runId, String.format(Locale.ROOT, "%s: %d images added to %s (Cramér's V %.2f → %.2f)%s;"
                        + " dataset version %d", cue.name(), result.items().size(), SynthesisReports.filled(result),
                report.association().before(), report.association().after(), quality == null
                        || quality.labelConsistency() == null ? ""
                        : String.format(Locale.ROOT, ", label consistency %.3f", quality.labelConsistency()),
                made.view().id()));
    }

    private static SynthesisCue parse(String cue) {
        try {
            return SynthesisCue.parse(cue);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_cue", e.getMessage());
        }
    }

    /** The version's samples as the engine takes them: ids as text, labels as class indices. */
    private static List<EditSample> samples(List<SampleRecord> records, List<String> classNames) {
        return records.stream().map(s -> new EditSample(String.valueOf(s.id()), s.split(), s.image(),
                classNames.indexOf(s.label()), null, s.mask(), s.caption(), s.attributes())).toList();
    }

    /**
     * The engine's progress as the job's: at most one write a second (it reports every image, from several threads),
     * and the cancel flag read by one thread at a time.
     */
    private static SynthesisProgress progress(StepExecution<SynthesizeParams> job) {
        return new SynthesisProgress() {
            private long last;

            @Override
            public synchronized void onProgress(String phase, int done, int total) {
                long now = System.nanoTime();
                if (now - last < 1_000_000_000L && done < total) {
                    return;
                }
                last = now;
                double share = total == 0 ? 1 : (double) done / total;
                double at = switch (phase) {
                    case "segmentation", "masks" -> 0.21 + 0.05 * share;
                    case "donors" -> 0.26 + 0.05 * share;
                    case "images" -> 0.31 + 0.24 * share;
                    default -> 0.55 + 0.04 * share;
                };
                job.progress().report(at, phase + ": " + done + " of " + total);
            }

            @Override
            public synchronized boolean cancelled() {
                return job.progress().cancelled();
            }
        };
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
