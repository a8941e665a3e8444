package com.spurlab.inference.audit;

import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.eval.Prediction;
import com.spurlab.inference.eval.ScoredSamples;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AUDIT engine: scores the split with the model, runs the association tests on concept sets built from the
 * split, computes the group gaps, and, when an EDIT run is given, scores its images with the same model for
 * counterfactual consistency and ODmAP@k. The edited images are re-scored here rather than taken from the EDIT
 * run's predictions, because the audited model (say the mitigated one) need not be the model the EDIT run used.
 */
public final class BiasAudit {

    private static final Logger log = LoggerFactory.getLogger(BiasAudit.class);

    private final ClassifierEvaluator evaluator;
    private final ConceptSets conceptSets;
    private final List<ConceptDesign> designs;

    /**
     * @param editor the concept edits (EDIT's editor) for the {@link ConceptDesign#ISOLATED_CONCEPTS} tests; with
     *               {@code null} only the {@link ConceptDesign#CUE_CONTRAST} tests run, which need no edit
     */
    public BiasAudit(ClassifierEvaluator evaluator, ConceptImageEditor editor) {
        this.evaluator = evaluator;
        this.conceptSets = new ConceptSets(evaluator, editor);
        this.designs = editor == null ? List.of(ConceptDesign.CUE_CONTRAST)
                : List.of(ConceptDesign.CUE_CONTRAST, ConceptDesign.ISOLATED_CONCEPTS);
    }

    /**
     * @throws IllegalArgumentException when the request cannot be audited (no samples, an edit of a sample that is
     *                                  not in the split, labels outside the class names)
     * @throws java.io.UncheckedIOException when an image or the model cannot be read, or a concept image not written
     */
    public AuditReport run(AuditRequest request) {
        AuditSettings settings = request.settings();
        long start = System.nanoTime();
        List<LabeledImage> images = request.samples().stream().map(ConceptSource::image).toList();
        ScoredSamples scored = evaluator.score(request.modelDir(), images);
        long embedded = System.nanoTime();

        Map<String, float[]> known = new HashMap<>();
        for (int i = 0; i < images.size(); i++) {
            known.put(images.get(i).sampleId(), scored.embeddings()[i]);
        }
        ConceptSetPlan.Plans plans;
        try {
            plans = ConceptSetPlan.plan(request.samples(), request.classNames(), request.trainCueCounts(), designs,
                    settings.seed());
        } catch (IllegalArgumentException e) {
            // The other figures stand without association tests.
            plans = new ConceptSetPlan.Plans(List.of(), List.of("no association test: " + e.getMessage()));
        }
        List<AssociationResult> eat = new ArrayList<>();
        List<Boolean> trained = new ArrayList<>();
        List<String> approximations = new ArrayList<>();
        long conceptNanos = 0;
        long associationNanos = 0;
        for (int i = 0; i < plans.tests().size(); i++) {
            ConceptSetPlan plan = plans.tests().get(i);
            long t0 = System.nanoTime();
            ConceptSets.Embedded sets = conceptSets.embed(plan, request.modelDir(), request.workDir().resolve("concepts-" + i),
                    known);
            long t1 = System.nanoTime();
            AssociationResult r = EmbeddingAssociationTest.run(plan.design(), sets.x(), sets.y(), sets.a(), sets.b(),
                    settings.association()).withConstruction("pairing: " + plan.orientation());
            eat.add(r);
            trained.add(plan.trained());
            if (r.approximate()) {
                approximations.add(r.target() + " / " + r.attribute() + ": " + String.join("; ",
                        r.construction().stream().filter(c -> c.contains("APPROXIMATION")).toList()));
            }
            conceptNanos += t1 - t0;
            associationNanos += System.nanoTime() - t1;
        }
        long t2 = System.nanoTime();
        GapReport gaps = GroupGaps.of(scored.predictions(), request.classNames(), settings.resamples(), settings.seed());
        long t3 = System.nanoTime();

        List<String> notes = new ArrayList<>(plans.notes());
        ConsistencyReport consistency = null;
        OdmapReport odmap = null;
        long t4 = t3;
        if (designs.size() == 1) {
            notes.add("no concept editor: only the cue-contrast association tests ran (the isolated-concept tests need"
                    + " masks or boxes and EDIT's editor)");
        }
        if (!request.edits().isEmpty()) {
            EditScores edits = scoreEdits(request, scored);
            t4 = System.nanoTime();
            consistency = CounterfactualConsistency.of(edits.pairs());
            if (swapsTheCue(request.editOperation())) {
                notes.add("ODmAP@k is a deletion test (Kim et al.): with the cue swapped rather than removed, on a split where"
                        + " each label shows every cue value, an edited query still finds its label among the items with the"
                        + " new value, so the figure barely drops even for a model that leans on the cue; give a"
                        + " REMOVE_BACKGROUND or INPAINT EDIT run for ODmAP@k");
            }
            if (scored.predictions().size() > settings.k()) {
                odmap = ObjectDeletionRetrieval.of(scored, edits.embeddings(), settings.k(), settings.resamples(), settings.seed());
            } else {
                notes.add("ODmAP@" + settings.k() + " needs more than " + settings.k() + " samples in the split");
            }
        } else {
            notes.add("no EDIT run given: counterfactual consistency and ODmAP@k need edited images");
        }
        long end = System.nanoTime();
        AuditTimings timings = new AuditTimings(millis(embedded - start), millis(conceptNanos), millis(associationNanos),
                millis(t3 - t2), millis(t4 - t3), millis(end - t4));
        List<Finding> findings = AuditFindings.of(request.cue(), eat, trained, gaps, consistency, odmap, request.editOperation());
        AuditReport report = new AuditReport(request.split(), request.cue(), images.size(), eat, gaps, consistency, odmap,
                findings, approximations, notes, timings);
        log.info("audited {} samples of {} for {} in {} ms: {} association tests, {} findings", report.n(), report.split(),
                report.cue(), timings.total(), eat.size(), report.findings().size());
        return report;
    }

    /** The EDIT run's images scored with the audited model: pairs for consistency, embeddings for ODmAP. */
    private record EditScores(List<CounterfactualPair> pairs, Map<String, float[]> embeddings) {
    }

    private EditScores scoreEdits(AuditRequest request, ScoredSamples originals) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < originals.predictions().size(); i++) {
            index.put(originals.predictions().get(i).sampleId(), i);
        }
        List<LabeledImage> images = new ArrayList<>();
        List<Integer> controlAt = new ArrayList<>();
        for (EditedImage e : request.edits()) {
            Integer i = index.get(e.sampleId());
            if (i == null) {
                throw new IllegalArgumentException("the EDIT run edited sample " + e.sampleId() + ", which is not in the split '"
                        + request.split() + "': give the EDIT run of the audited split");
            }
            LabeledImage original = request.samples().get(i).image();
            images.add(new LabeledImage(e.sampleId(), e.editedFile(), original.label(), original.group()));
        }
        for (EditedImage e : request.edits()) {
            if (e.controlFile() != null) {
                LabeledImage original = request.samples().get(index.get(e.sampleId())).image();
                controlAt.add(images.size());
                images.add(new LabeledImage(e.sampleId(), e.controlFile(), original.label(), original.group()));
            } else {
                controlAt.add(-1);
            }
        }
        ScoredSamples edited = evaluator.score(request.modelDir(), images);
        List<CounterfactualPair> pairs = new ArrayList<>();
        Map<String, float[]> embeddings = new HashMap<>();
        for (int e = 0; e < request.edits().size(); e++) {
            Prediction before = originals.predictions().get(index.get(request.edits().get(e).sampleId()));
            int control = controlAt.get(e);
            pairs.add(new CounterfactualPair(before.sampleId(), before.group(), before.predicted(),
                    edited.predictions().get(e).predicted(), control < 0 ? null : edited.predictions().get(control).predicted()));
            embeddings.put(before.sampleId(), edited.embeddings()[e]);
        }
        return new EditScores(pairs, embeddings);
    }

    private static boolean swapsTheCue(String operation) {
        return operation != null && List.of("REPLACE_BACKGROUND", "ADD_CUE").contains(operation.strip().toUpperCase(Locale.ROOT));
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
