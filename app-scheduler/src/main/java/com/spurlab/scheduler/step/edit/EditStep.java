package com.spurlab.scheduler.step.edit;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.dataset.DataSplit;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.dataset.DatasetVersionView;
import com.spurlab.core.dataset.DerivedVersions;
import com.spurlab.core.dataset.SampleRecord;
import com.spurlab.core.edit.EditResults;
import com.spurlab.core.edit.EditSetResult;
import com.spurlab.core.run.ArtifactOutput;
import com.spurlab.core.run.RunService;
import com.spurlab.core.step.ArtifactRef;
import com.spurlab.core.step.ArtifactType;
import com.spurlab.core.step.PlanContext;
import com.spurlab.core.step.Step;
import com.spurlab.core.step.StepCancelledException;
import com.spurlab.core.step.StepExecution;
import com.spurlab.core.step.StepOutcome;
import com.spurlab.core.step.StepResources;
import com.spurlab.core.storage.StorageSettings;
import com.spurlab.inference.edit.CueConfirmation;
import com.spurlab.inference.edit.EditCue;
import com.spurlab.inference.edit.EditOperation;
import com.spurlab.inference.edit.EditRequest;
import com.spurlab.inference.edit.EditResult;
import com.spurlab.inference.edit.EditSample;
import com.spurlab.inference.edit.EditSet;
import com.spurlab.inference.edit.mask.SegmentationSettings;
import com.spurlab.inference.edit.mask.TextBox;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.scheduler.step.StepData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * EDIT: edits one cue out of every image of a split that carries it, predicts originals, edits and control edits with
 * the model upstream (or named by {@code modelRunId}), and judges whether the flips are the cue's
 * ({@code CueConfirmation}). The edits become a derived dataset version (each linked to its original; the other splits
 * shared), which the steps after it evaluate or audit; the figures are the run's details ({@link EditSetResult}), the
 * pairs rows of the run, the images and a table of the pairs the files of its EDIT_SET artifact ({@link EditSet}).
 */
@Component
@Order(50)
class EditStep implements Step<EditParams> {

    private final DatasetService datasets;
    private final DerivedVersions derivedVersions;
    private final RunService runs;
    private final EditResults edits;
    private final StorageSettings storage;
    private final EditSettings settings;
    private final CueConfirmation confirmation = new CueConfirmation(new ClassifierEvaluator());

    EditStep(DatasetService datasets, DerivedVersions derivedVersions, RunService runs, EditResults edits,
             StorageSettings storage, EditSettings settings) {
        this.datasets = datasets;
        this.derivedVersions = derivedVersions;
        this.runs = runs;
        this.edits = edits;
        this.storage = storage;
        this.settings = settings;
    }

    @Override
    public String type() {
        return EditResults.KIND;
    }

    @Override
    public Class<EditParams> parameters() {
        return EditParams.class;
    }

    @Override
    public String description() {
        return "Edits one cue out of the images of a split (the background swapped or removed, a printed word "
                + "inpainted) and measures how often the model's prediction flips, against a control edit of the same "
                + "pixels: a confirmed cue is one the model relies on. The edits become a dataset version, each linked "
                + "to its original, that EVALUATE and AUDIT can use.";
    }

    @Override
    public Set<ArtifactType> needs() {
        return Set.of(ArtifactType.MODEL);
    }

    @Override
    public Set<ArtifactType> produces() {
        return Set.of(ArtifactType.EDIT_SET, ArtifactType.DATASET_VERSION);
    }

    /** The training engine exactly when a segmentation network may be trained (see {@link EditPlanning}). */
    @Override
    public StepResources resources(EditParams p) {
        // Only a printed word (text:) is edited without foreground masks; a cue left to EXTRACT may be a background.
        boolean background = p.cue() == null || !p.cue().startsWith("text:");
        return p.masks() == MaskOrigin.LEARNED && background ? StepResources.TRAINING : StepResources.MODEL;
    }

    @Override
    public EditParams prepare(EditParams p, PlanContext plan) {
        long version = plan.dataset().id();
        List<DatasetService.SplitContents> splits = Arrays.stream(DataSplit.values())
                .map(s -> datasets.splitContents(version, s.key())).toList();
        return EditPlanning.prepare(p, plan, splits.get(p.split().ordinal()), EditPlanning.maskCount(splits),
                settings.segmentationModel() != null);
    }

    @Override
    public StepOutcome run(StepExecution<EditParams> job) {
        EditParams p = job.params();
        RunService.TrainedModel model = runs.trainedModel(job.inputs().require(ArtifactType.MODEL).runId());
        List<SampleRecord> records = datasets.samplesForJob(job.datasetVersionId());
        StepData data = StepData.of(records, List.of());
        data.requireClasses(model.modelDir());
        String split = p.split().key();
        List<SampleRecord> splitRecords = records.stream().filter(s -> s.split().equals(split)).toList();
        if (splitRecords.isEmpty()) {
            throw new InvalidRequestException("empty_split", "dataset version " + job.datasetVersionId() + " has no "
                    + split + " samples to edit");
        }
        List<String> notes = new ArrayList<>();
        NamedCue chosen = cue(p, job, notes);
        EditCue cue = invalidInput(() -> EditCue.parse(chosen.name()));
        EditOperation operation = p.operation() != null ? p.operation() : cue.defaultOperation();
        invalidInput(() -> {
            cue.requireSuits(operation);
            return cue;
        });
        List<TextBox> boxes = cue.kind() != EditCue.Kind.TEXT ? List.of() : EditInputs.printedWords(splitRecords,
                storage.ocrCache(), done -> job.progress().report(0.05 * done / splitRecords.size(),
                        "reading printed words: " + done + " of " + splitRecords.size() + " images"));
        job.progress().checkCancelled();
        List<EditSample> all = EditInputs.samples(data, cue, boxes);
        List<EditSample> samples = cue.isBackground() && p.masks() == MaskOrigin.MANIFEST
                ? manifestMasksOnly(all, split, notes) : all;
        EditRequest request = new EditRequest(job.datasetVersionId(), cue.toString(), operation, split, p.margin(),
                p.seed(), cueLabel(p, data));
        SegmentationSettings segmentation = segmentation(p);
        if (!resources(p).trainingEngine()
                && invalidInput(() -> CueConfirmation.recordsGradients(request, samples, segmentation))) {
            job.progress().log("this run trains a segmentation network without the training slot: it waits for the"
                    + " node's training engine");
        }
        Path folder = job.folder().resolve("edit-set");
        EditResult result = confirm(request, samples, boxes, model.modelDir(), folder, segmentation, job);

        job.progress().report(0.9, "storing the edited dataset version (" + result.items().size() + " images)");
        Map<Long, SampleRecord> byId = records.stream().collect(Collectors.toMap(SampleRecord::id, Function.identity()));
        DatasetVersionView edited = derivedVersions.derive(EditedVersion.of(job.datasetVersionId(), job.jobId(), result,
                byId, cue.toString()));
        Map<String, String> editedIds = EditedVersion.editedIds(datasets.samplesForJob(edited.id()), split);
        EditSet.of(result, edited.id(), editedIds, data.classNames()).write(folder);
        EditSetResult stored = EditResultMapping.of(result, edited.id(), chosen.from(), splitRecords.size() - result.n(),
                notes);
        long runId = edits.record(job, model.method(), model.runId(), stored, List.of(ArtifactOutput.files(
                        ArtifactType.EDIT_SET, folder), new ArtifactOutput(ArtifactType.DATASET_VERSION, null, edited.id())),
                EditResultMapping.pairs(result, editedIds, data.classNames()));
        return new StepOutcome(runId, summary(stored));
    }

    /** A cue's name and how it was chosen. */
    private record NamedCue(String name, String from) {
    }

    /** The parameter, else the top editable cue of the EXTRACT upstream. */
    private NamedCue cue(EditParams p, StepExecution<EditParams> job, List<String> notes) {
        if (p.cue() != null) {
            return new NamedCue(p.cue(), "named in the plan");
        }
        ArtifactRef cues = job.inputs().require(ArtifactType.CUES);
        UpstreamCue.Chosen top = UpstreamCue.of(runs.detailsForJob(cues.runId())).orElseThrow(() ->
                new InvalidRequestException("no_cue", "EXTRACT run " + cues.runId() + " ranked no cue with a region to"
                        + " edit (attribute, keyword, printed word or mask); name the cue in the plan"));
        if (!top.passedOver().isEmpty()) {
            notes.add("EXTRACT ranked " + top.passedOver() + " higher, but a slice names no region to edit");
        }
        return new NamedCue(top.cue(), "the top cue of EXTRACT run " + cues.runId());
    }

    /** MANIFEST masks: the split's images without one are left out (the other splits stay, for the cue's label). */
    private static List<EditSample> manifestMasksOnly(List<EditSample> samples, String split, List<String> notes) {
        List<EditSample> kept = samples.stream().filter(s -> !s.split().equals(split) || s.maskFile() != null).toList();
        int left = samples.size() - kept.size();
        if (left > 0) {
            notes.add(left + " images of split " + split + " have no manifest mask and were left out (masks: MANIFEST)");
        }
        return kept;
    }

    private static Integer cueLabel(EditParams p, StepData data) {
        if (p.cueLabel() == null) {
            return null;
        }
        int index = data.classNames().indexOf(p.cueLabel());
        if (index < 0) {
            throw new InvalidRequestException("invalid_input", "cueLabel '" + p.cueLabel() + "' is not a label of the"
                    + " dataset version; its labels are " + data.classNames());
        }
        return index;
    }

    private SegmentationSettings segmentation(EditParams p) {
        SegmentationSettings defaults = SegmentationSettings.defaults();
        if (p.masks() != MaskOrigin.ONNX_MODEL) {
            return defaults;
        }
        if (settings.segmentationModel() == null) {
            throw new InvalidRequestException("invalid_input", "masks ONNX_MODEL needs a segmentation model, and this"
                    + " node has none configured (spurlab.edit.segmentation-model)");
        }
        return defaults.withOnnxModel(settings.segmentationModel());
    }

    private EditResult confirm(EditRequest request, List<EditSample> samples, List<TextBox> boxes, Path modelDir,
                               Path folder, SegmentationSettings segmentation, StepExecution<EditParams> job) {
        try {
            return confirmation.run(request, samples, boxes, modelDir, folder, segmentation,
                    new EditJobProgress(job.progress()));
        } catch (CancellationException e) {
            throw new StepCancelledException();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_input", e.getMessage());
        }
    }

    /** The engine refuses bad input with what to fix: the job fails with those words. */
    private static <T> T invalidInput(Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_input", e.getMessage());
        }
    }

    private static String summary(EditSetResult r) {
        return String.format(Locale.ROOT, "%s of %s on %s: %d edited, flip rate %s vs control %s, %s; edited dataset"
                + " version %d", r.operation(), r.cue(), r.split(), r.n(), rate(r.flipRate(), r.ciLow(), r.ciHigh()),
                rate(r.controlFlipRate(), null, null), r.confirmed() ? "confirmed" : "not confirmed",
                r.datasetVersionId());
    }

    private static String rate(Double value, Double low, Double high) {
        if (value == null) {
            return "n/a";
        }
        return low == null ? String.format(Locale.ROOT, "%.3f", value)
                : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", value, low, high);
    }
}
