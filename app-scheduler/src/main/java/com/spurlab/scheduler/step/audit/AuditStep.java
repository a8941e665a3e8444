package com.spurlab.scheduler.step.audit;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.Json;
import com.spurlab.core.audit.AuditResult;
import com.spurlab.core.audit.AuditResults;
import com.spurlab.core.dataset.Composition;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.dataset.SampleRecord;
import com.spurlab.core.run.ArtifactOutput;
import com.spurlab.core.run.RunService;
import com.spurlab.core.step.ArtifactRef;
import com.spurlab.core.step.ArtifactType;
import com.spurlab.core.step.PlanContext;
import com.spurlab.core.step.Step;
import com.spurlab.core.step.StepExecution;
import com.spurlab.core.step.StepOutcome;
import com.spurlab.core.storage.StorageSettings;
import com.spurlab.inference.audit.AssociationSettings;
import com.spurlab.inference.audit.AuditReport;
import com.spurlab.inference.audit.AuditRequest;
import com.spurlab.inference.audit.AuditSettings;
import com.spurlab.inference.audit.BiasAudit;
import com.spurlab.inference.audit.ConceptSource;
import com.spurlab.inference.audit.CounterfactualConcepts;
import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.edit.EditSet;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.scheduler.step.StepData;
import com.spurlab.scheduler.step.edit.EditParams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * AUDIT: the bias audit of the model upstream (or named by {@code modelRunId}) on a split, for a cue each sample has a
 * value of (an attribute, a caption keyword, a printed word): embedding association tests, group gaps, and, with an
 * EDIT step upstream (its EDIT_SET), counterfactual consistency per group and ODmAP@k, the EDIT run's images re-scored
 * with the audited model. With an EDIT upstream the audit reads its samples from the EDIT run's source version, not
 * from the edited version it derived (see {@link UpstreamEdit}). The report is the run's details ({@link AuditResult})
 * and a JSON file of its AUDIT_REPORT artifact.
 */
@Component
@Order(70)
class AuditStep implements Step<AuditParams> {

    private final DatasetService datasets;
    private final RunService runs;
    private final StorageSettings storage;
    private final ClassifierEvaluator evaluator = new ClassifierEvaluator();

    AuditStep(DatasetService datasets, RunService runs, StorageSettings storage) {
        this.datasets = datasets;
        this.runs = runs;
        this.storage = storage;
    }

    @Override
    public String type() {
        return AuditResults.KIND;
    }

    @Override
    public Class<AuditParams> parameters() {
        return AuditParams.class;
    }

    @Override
    public String description() {
        return "Audits a model for its reliance on a cue: embedding association tests (effect size and permutation "
                + "p-value), accuracy and TPR/FPR gaps between cue values, and with an EDIT run counterfactual "
                + "consistency and ODmAP@k, each with its interval and a plain-language finding.";
    }

    @Override
    public Set<ArtifactType> needs() {
        return Set.of(ArtifactType.MODEL);
    }

    @Override
    public Set<ArtifactType> uses() {
        return Set.of(ArtifactType.EDIT_SET);
    }

    @Override
    public Set<ArtifactType> produces() {
        return Set.of(ArtifactType.AUDIT_REPORT);
    }

    @Override
    public AuditParams prepare(AuditParams p, PlanContext plan) {
        if (!plan.derivedUpstream() && !plan.hasSplit(p.split().key())) {
            throw plan.invalid("dataset version " + plan.dataset().id() + " has no " + p.split().key()
                    + " split to audit");
        }
        Optional<EditParams> edit = plan.upstream(EditParams.class);
        if (edit.isPresent() && edit.get().split() != p.split()) {
            throw plan.invalid("the EDIT step upstream edits the " + edit.get().split().key() + " split, and this audit"
                    + " is of the " + p.split().key() + " split: audit the split the EDIT step edits (split: "
                    + edit.get().split() + "), or plan the audit without depending on the EDIT step");
        }
        return p.withCue(CuePlan.resolve(p.cue(), plan));
    }

    @Override
    public StepOutcome run(StepExecution<AuditParams> job) {
        AuditParams p = job.params();
        RunService.TrainedModel model = runs.trainedModel(job.inputs().require(ArtifactType.MODEL).runId());
        List<String> notes = new ArrayList<>();
        Optional<UpstreamEdit> edit = upstreamEdit(job, notes);
        long version = edit.map(e -> e.auditedVersion(job.datasetVersionId())).orElse(job.datasetVersionId());
        if (version != job.datasetVersionId()) {
            notes.add("dataset version " + job.datasetVersionId() + " is EDIT run " + edit.get().editRunId()
                    + "'s edited version (its " + edit.get().set().split() + " split holds the edits only): the audit"
                    + " reads the originals from its source version " + version + " and pairs them with the edits");
        }
        StepData data = StepData.of(datasets.samplesForJob(version), List.of());
        data.requireClasses(model.modelDir());
        String split = p.split().key();
        job.progress().report(0, "reading the cue " + p.cue() + " of the " + split + " split");
        CueValues values = values(p.cue(), data, split, version, job);
        notes.addAll(values.notes());
        List<ConceptSource> sources = sources(data, split, values, notes);
        UpstreamEdit.Matched edits = edit.map(e -> e.match(split, p.cue(), data.samples(), sources.stream()
                .map(s -> s.image().sampleId()).collect(Collectors.toSet())))
                .orElse(new UpstreamEdit.Matched(List.of(), List.of()));
        notes.addAll(edits.notes());
        String operation = edits.edits().isEmpty() ? null : edit.get().operation();
        Long editRunId = edits.edits().isEmpty() ? null : edit.get().editRunId();
        job.progress().checkCancelled();
        job.progress().report(0.2, "auditing " + sources.size() + " " + split + " images for " + p.cue());
        AuditSettings defaults = AuditSettings.defaults(p.seed());
        AuditSettings settings = new AuditSettings(p.k(), new AssociationSettings(defaults.association().exactLimit(),
                p.permutations(), defaults.association().resamples(), p.seed()), defaults.resamples(), p.seed());
        CounterfactualConcepts concepts = CounterfactualConcepts.forCue(p.cue());
        BiasAudit audit = new BiasAudit(evaluator, concepts.canIsolate(sources) ? concepts : null);
        AuditReport report = audit.run(new AuditRequest(split, p.cue(), model.modelDir(), data.classNames(), sources,
                values.trainCounts(), edits.edits(), operation, job.folder().resolve("concepts"), settings));
        AuditResult result = AuditResultMapping.of(report, notes, editRunId, operation);
        Path folder = write(job.folder().resolve("report"), result);
        // The run names the version it audited (the EDIT run's source), not the edited one the job was handed.
        StepExecution<AuditParams> audited = version == job.datasetVersionId() ? job : new StepExecution<>(job.jobId(),
                job.experimentId(), job.projectId(), version, p, job.inputs(), job.progress(), job.folder(),
                job.attempt(), job.recovering());
        long runId = runs.record(audited, type(), model.method(), model.runId(), result,
                List.of(ArtifactOutput.files(ArtifactType.AUDIT_REPORT, folder)));
        String finding = result.findings().isEmpty() ? "no finding" : result.findings().get(0).text();
        return new StepOutcome(runId, p.cue() + " on " + split + " (" + result.n() + " images): " + finding);
    }

    /** The nearest EDIT run upstream, if any; further ones are noted and left. */
    private static Optional<UpstreamEdit> upstreamEdit(StepExecution<AuditParams> job, List<String> notes) {
        List<ArtifactRef> sets = job.inputs().all(ArtifactType.EDIT_SET);
        if (sets.isEmpty()) {
            return Optional.empty();
        }
        ArtifactRef nearest = sets.get(0);
        if (sets.size() > 1) {
            notes.add("EDIT runs " + sets.stream().skip(1).map(a -> String.valueOf(a.runId())).toList() + " are"
                    + " upstream too: the audit uses the nearest, EDIT run " + nearest.runId());
        }
        try {
            return Optional.of(new UpstreamEdit(EditSet.read(nearest.location()), nearest.runId()));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_input", "EDIT run " + nearest.runId() + ": " + e.getMessage());
        }
    }

    private CueValues values(String cue, StepData data, String split, long version, StepExecution<AuditParams> job) {
        List<SampleRecord> splitSamples = data.samples().stream().filter(s -> s.split().equals(split)).toList();
        List<SampleRecord> train = data.samples().stream().filter(s -> s.split().equals("train")).toList();
        if (cue.startsWith(CueValues.KEYWORD)) {
            return CueValues.ofKeyword(cue, splitSamples, train);
        }
        if (cue.startsWith(CueValues.TEXT)) {
            return CueValues.ofPrintedWord(cue, splitSamples, train, storage.ocrCache(),
                    done -> job.progress().report(0.1, "reading printed words: " + done + " images done"));
        }
        AttributeCue attribute = AttributeCue.parse(cue);
        CueValues values = CueValues.ofAttribute(attribute, splitSamples, trainComposition(version, attribute));
        return values.trainCounts().isEmpty() ? values.withNote("dataset version " + version
                + " records no training counts of '" + attribute.attribute() + "': the association tests pair the"
                + " cue's values with the labels in alphabetical order") : values;
    }

    /** The training split's label × value counts from the version's composition; empty when it lacks them. */
    private Map<String, Map<String, Integer>> trainComposition(long versionId, AttributeCue cue) {
        Composition composition = datasets.getForJob(versionId).composition();
        Composition.AttributeComposition attribute = composition == null ? null
                : composition.byAttribute().get(cue.attribute());
        return attribute == null || attribute.counts().get("train") == null ? Map.of()
                : attribute.counts().get("train");
    }

    /** The split's samples with their cue value, mask and word boxes; those without a value are left out, noted. */
    private static List<ConceptSource> sources(StepData data, String split, CueValues values, List<String> notes) {
        Map<String, SampleRecord> records = data.samples().stream()
                .collect(Collectors.toMap(s -> String.valueOf(s.id()), Function.identity()));
        List<ConceptSource> out = new ArrayList<>();
        for (LabeledImage image : data.split(split)) {
            SampleRecord record = records.get(image.sampleId());
            String value = values.values().get(record.id());
            if (value != null) {
                LabeledImage grouped = new LabeledImage(image.sampleId(), image.imageFile(), image.label(),
                        record.label() + "|" + value);
                out.add(new ConceptSource(grouped, value, record.mask(), values.boxes().get(record.id())));
            }
        }
        int missing = data.split(split).size() - out.size();
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no " + split + " sample has a value of the cue: nothing to audit");
        }
        if (missing > 0) {
            notes.add(missing + " " + split + " samples have no value of the cue and were left out of the audit");
        }
        return out;
    }

    private static Path write(Path folder, AuditResult result) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("audit.json"), Json.write(result));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit report to " + folder, e);
        }
    }
}
