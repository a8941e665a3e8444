package com.spurlab.scheduler.step.audit;

import com.spurlab.core.Json;
import com.spurlab.core.audit.AuditResult;
import com.spurlab.core.audit.AuditResults;
import com.spurlab.core.dataset.Composition;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.dataset.SampleRecord;
import com.spurlab.core.run.ArtifactOutput;
import com.spurlab.core.run.RunService;
import com.spurlab.core.step.ArtifactType;
import com.spurlab.core.step.PlanContext;
import com.spurlab.core.step.Step;
import com.spurlab.core.step.StepExecution;
import com.spurlab.core.step.StepOutcome;
import com.spurlab.inference.audit.AssociationSettings;
import com.spurlab.inference.audit.AuditReport;
import com.spurlab.inference.audit.AuditRequest;
import com.spurlab.inference.audit.AuditSettings;
import com.spurlab.inference.audit.BiasAudit;
import com.spurlab.inference.audit.ConceptSource;
import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.scheduler.step.StepData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * AUDIT: the bias audit of the model upstream (or named by {@code modelRunId}) on a split, for a cue the samples carry
 * as an attribute: embedding association tests, group gaps, and, with an EDIT run, counterfactual consistency and
 * ODmAP@k. The report is the run's details ({@link AuditResult}) and a JSON file of its AUDIT_REPORT artifact.
 */
@Component
@Order(70)
class AuditStep implements Step<AuditParams> {

    /** Attributes an upstream step derives (EXTRACT's inferred cue) are named {@code cue:...}; unknown at plan time. */
    private static final String INFERRED_PREFIX = "cue:";

    private final DatasetService datasets;
    private final RunService runs;
    private final ClassifierEvaluator evaluator = new ClassifierEvaluator();

    AuditStep(DatasetService datasets, RunService runs) {
        this.datasets = datasets;
        this.runs = runs;
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
    public Set<ArtifactType> produces() {
        return Set.of(ArtifactType.AUDIT_REPORT);
    }

    @Override
    public AuditParams prepare(AuditParams p, PlanContext plan) {
        String cue = p.cue() != null ? p.cue() : defaultCue(plan);
        if (!AttributeCue.names(cue)) {
            throw plan.invalid("cue '" + cue + "' cannot be audited yet: AUDIT reads each sample's cue value from its "
                    + "attributes, so name the cue as attribute:<name> or attribute:<name>=<value> (text:, keyword: and "
                    + "slice: need EXTRACT's cue inference; mask names a region, not a value per sample); dataset "
                    + "version " + plan.dataset().id() + " has attributes " + plan.attributes());
        }
        AttributeCue parsed = AttributeCue.parse(cue);
        boolean inferred = plan.derivedUpstream() && parsed.attribute().startsWith(INFERRED_PREFIX);
        if (!inferred) {
            if (!plan.attributes().contains(parsed.attribute())) {
                throw plan.invalid("cue names attribute '" + parsed.attribute() + "' which dataset version "
                        + plan.dataset().id() + " does not have; it has " + plan.attributes());
            }
            List<String> values = plan.dataset().composition().attributes().get(parsed.attribute());
            if (parsed.value() != null && !values.contains(parsed.value())) {
                throw plan.invalid("cue names value '" + parsed.value() + "' of attribute '" + parsed.attribute()
                        + "', which dataset version " + plan.dataset().id() + " does not have; it has " + values);
            }
        }
        if (!plan.derivedUpstream() && !plan.hasSplit(p.split().key())) {
            throw plan.invalid("dataset version " + plan.dataset().id() + " has no " + p.split().key()
                    + " split to audit");
        }
        return p.withCue(parsed.name());
    }

    /** The attribute the composition flags most strongly; else, on a cue-balanced version, the most associated one. */
    private static String defaultCue(PlanContext plan) {
        Composition c = plan.dataset().composition();
        return plan.strongestSuspectedCue()
                .or(() -> c == null ? java.util.Optional.empty() : c.byAttribute().entrySet().stream()
                        .max(Comparator.comparingDouble(e -> e.getValue().cramersV())).map(Map.Entry::getKey))
                .map(a -> AttributeCue.of(a).name())
                .orElseThrow(() -> plan.invalid("dataset version " + plan.dataset().id() + " has no attribute to "
                        + "audit; name the cue (attribute:<name>)"));
    }

    @Override
    public StepOutcome run(StepExecution<AuditParams> job) {
        AuditParams p = job.params();
        AttributeCue cue = AttributeCue.parse(p.cue());
        RunService.TrainedModel model = runs.trainedModel(job.inputs().require(ArtifactType.MODEL).runId());
        StepData data = StepData.of(datasets.samplesForJob(job.datasetVersionId()), List.of());
        data.requireClasses(model.modelDir());
        String split = p.split().key();
        List<String> notes = new ArrayList<>();
        List<ConceptSource> sources = sources(data, split, cue, notes);
        Map<String, Integer> trainCounts = cue.trainCounts(trainComposition(job.datasetVersionId(), cue, notes));
        job.progress().checkCancelled();
        job.progress().report(0.05, "auditing " + sources.size() + " " + split + " images for " + cue.name());
        AuditSettings defaults = AuditSettings.defaults(p.seed());
        AuditSettings settings = new AuditSettings(p.k(), new AssociationSettings(defaults.association().exactLimit(),
                p.permutations(), defaults.association().resamples(), p.seed()), defaults.resamples(), p.seed());
        AuditReport report = new BiasAudit(evaluator, null).run(new AuditRequest(split, cue.name(), model.modelDir(),
                data.classNames(), sources, trainCounts, List.of(), null, job.folder().resolve("concepts"), settings));
        AuditResult result = AuditResultMapping.of(report, notes, null, null);
        Path folder = write(job.folder().resolve("report"), result);
        long runId = runs.record(job, type(), model.method(), model.runId(), result,
                List.of(ArtifactOutput.files(ArtifactType.AUDIT_REPORT, folder)));
        String finding = result.findings().isEmpty() ? "no finding" : result.findings().get(0).text();
        return new StepOutcome(runId, cue.name() + " on " + split + " (" + result.n() + " images): " + finding);
    }

    /** The split's samples with their cue value and mask; those without a value are left out, with a note. */
    private static List<ConceptSource> sources(StepData data, String split, AttributeCue cue, List<String> notes) {
        Map<String, SampleRecord> records = data.samples().stream()
                .collect(Collectors.toMap(s -> String.valueOf(s.id()), Function.identity()));
        List<ConceptSource> out = new ArrayList<>();
        int missing = 0;
        for (LabeledImage image : data.split(split)) {
            SampleRecord record = records.get(image.sampleId());
            String value = cue.valueOf(record.attributes());
            if (value == null) {
                missing++;
                continue;
            }
            LabeledImage grouped = new LabeledImage(image.sampleId(), image.imageFile(), image.label(),
                    record.label() + "|" + value);
            out.add(new ConceptSource(grouped, value, record.mask(), List.of()));
        }
        if (missing > 0) {
            notes.add(missing + " " + split + " samples have no value of attribute '" + cue.attribute()
                    + "' and were left out of the audit");
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no " + split + " sample has a value of attribute '" + cue.attribute()
                    + "': nothing to audit");
        }
        return out;
    }

    /**
     * The training split's label × value counts from the version's composition; empty, with a note, when it lacks
     * them (the association tests then pair the cue's values with the labels alphabetically).
     */
    private Map<String, Map<String, Integer>> trainComposition(long versionId, AttributeCue cue, List<String> notes) {
        Composition composition = datasets.getForJob(versionId).composition();
        Composition.AttributeComposition attribute = composition == null ? null
                : composition.byAttribute().get(cue.attribute());
        if (attribute == null || attribute.counts().get("train") == null) {
            notes.add("dataset version " + versionId + " records no training counts of '" + cue.attribute()
                    + "': the association tests pair the cue's values with the labels in alphabetical order");
            return Map.of();
        }
        return attribute.counts().get("train");
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
