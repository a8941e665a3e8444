package com.spurlab.core.experiment;

import com.spurlab.core.dataset.Composition;
import com.spurlab.core.dataset.DatasetVersionView;
import com.spurlab.core.project.Capability;
import com.spurlab.core.project.ProjectAccess;
import com.spurlab.core.step.StepCatalog;
import com.spurlab.core.step.StepParameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The whole robustness pilot as one experiment: baseline → extract → edit/confirm → synthesize → retrain (ERM on
 * the derived version, GroupDRO, DFR) → audit of the baseline and of the mitigated model. Both audits depend on the
 * EDIT step, whose pairs they re-score with their own model (counterfactual consistency per group, ODmAP@k), and name
 * the uploaded version, so they audit its originals rather than the edited version. Step types this installation
 * does not have are left out, and the experiment's note says which and why.
 */
@Service
public class PilotPlans {

    static final String EXTRACT = "EXTRACT";
    static final String EDIT = "EDIT";
    static final String SYNTHESIZE = "SYNTHESIZE";
    static final String AUDIT = "AUDIT";

    private final ExperimentService experiments;
    private final PlanBuilder planner;
    private final StepCatalog catalog;
    private final ProjectAccess access;

    PilotPlans(ExperimentService experiments, PlanBuilder planner, StepCatalog catalog, ProjectAccess access) {
        this.experiments = experiments;
        this.planner = planner;
        this.catalog = catalog;
        this.access = access;
    }

    /**
     * @param cue a cue in DESIGN's names; null: the attribute the composition flags most strongly, else each step's
     *            own default (EXTRACT's top cue)
     */
    @Transactional
    public ExperimentView plan(long projectId, long datasetVersionId, String cue) {
        access.require(projectId, Capability.MANAGE);
        DatasetVersionView version = planner.readyVersion(datasetVersionId, projectId, "datasetVersionId");
        Optional<String> strongest = strongestAttribute(version.composition());
        String chosen = cue != null && !cue.isBlank() ? cue.strip()
                : strongest.map(a -> "attribute:" + a).orElse(null);
        Optional<String> groupAttribute = chosen != null && chosen.startsWith("attribute:")
                ? Optional.of(chosen.substring("attribute:".length()).split("=", 2)[0]) : strongest;

        Plan plan = new Plan(chosen, datasetVersionId);
        int baseline = plan.add("TRAIN", Map.of("method", "ERM"), List.of());
        plan.add("EVALUATE", Map.of(), List.of(baseline));
        Integer extract = plan.optional(EXTRACT, Map.of(), List.of(baseline),
                "EXTRACT (suspected cues) is not installed");
        List<Integer> cueSources = extract == null ? List.of(baseline) : List.of(baseline, extract);
        Integer edit = plan.optional(EDIT, plan.withCue(EDIT, Map.of()), cueSources,
                "EDIT (counterfactual confirmation) is not installed");
        List<Integer> confirmed = edit == null ? cueSources : append(cueSources, edit);
        plan.optional(AUDIT, plan.withCue(AUDIT, plan.original()), edit == null ? List.of(baseline)
                : List.of(baseline, edit), "AUDIT (bias audit) is not installed");
        Integer mitigated = null;
        Integer synthesize = plan.optional(SYNTHESIZE, plan.withCue(SYNTHESIZE, plan.original()), confirmed,
                "SYNTHESIZE (non-spurious examples) is not installed, so ERM is not retrained on a derived version");
        if (synthesize != null) {
            mitigated = plan.add("TRAIN", Map.of("method", "ERM"), List.of(synthesize));
            plan.add("EVALUATE", Map.of(), List.of(mitigated));
        }
        if (groupAttribute.isPresent()) {
            int dro = plan.add("TRAIN", Map.of("method", "GROUP_DRO", "groupBy", List.of(groupAttribute.get())),
                    List.of());
            plan.add("EVALUATE", Map.of(), List.of(dro));
            mitigated = mitigated == null ? dro : mitigated;
            if (hasSplit(version.composition(), "val")) {
                int dfr = plan.add("TRAIN", Map.of("method", "DFR", "groupBy", List.of(groupAttribute.get())),
                        List.of());
                plan.add("EVALUATE", Map.of(), List.of(dfr));
            } else {
                plan.leftOut.add("DFR needs a val split, which this version does not have");
            }
        } else {
            plan.leftOut.add("GROUP_DRO and DFR need a group attribute (annotated, or inferred by EXTRACT), and this "
                    + "version has none");
        }
        if (mitigated != null) {
            plan.optional(AUDIT, plan.withCue(AUDIT, plan.original()), edit == null ? List.of(mitigated)
                    : List.of(mitigated, edit), null);
        }
        String note = plan.leftOut.isEmpty() ? null : "Left out: " + String.join("; ", plan.leftOut) + ".";
        return experiments.plan(projectId, datasetVersionId, "Pilot on " + version.label()
                + (chosen == null ? "" : " (cue " + chosen + ")"), 0, plan.steps, note);
    }

    private static List<Integer> append(List<Integer> list, int more) {
        List<Integer> out = new ArrayList<>(list);
        out.add(more);
        return out;
    }

    private static boolean hasSplit(Composition composition, String split) {
        return composition != null && composition.splits().getOrDefault(split, 0) > 0;
    }

    private static Optional<String> strongestAttribute(Composition composition) {
        if (composition == null) {
            return Optional.empty();
        }
        return composition.byAttribute().entrySet().stream().filter(e -> e.getValue().suspectedCue())
                .max(Comparator.comparingDouble(e -> e.getValue().cramersV())).map(Map.Entry::getKey);
    }

    /** The steps as they are added: each knows its index, what it depends on and its parameters. */
    private final class Plan {
        private final String cue;
        private final long versionId;
        private final List<StepSpec> steps = new ArrayList<>();
        private final List<String> leftOut = new ArrayList<>();

        Plan(String cue, long versionId) {
            this.cue = cue;
            this.versionId = versionId;
        }

        int add(String type, Map<String, Object> params, List<Integer> dependsOn) {
            Map<String, Object> all = new LinkedHashMap<>(params);
            all.put(StepGraph.DEPENDS_ON, dependsOn);
            steps.add(new StepSpec(type, all));
            return steps.size() - 1;
        }

        /** Adds the step when this installation has it; else notes why it is missing (once) and returns null. */
        Integer optional(String type, Map<String, Object> params, List<Integer> dependsOn, String missing) {
            if (catalog.plannableTypes().contains(type)) {
                return add(type, params, dependsOn);
            }
            if (missing != null && !leftOut.contains(missing)) {
                leftOut.add(missing);
            }
            return null;
        }

        /** The step's parameters with the pilot's cue, for step types that take one. */
        Map<String, Object> withCue(String type, Map<String, Object> params) {
            Map<String, Object> out = new LinkedHashMap<>(params);
            if (cue != null && catalog.plannableTypes().contains(type) && catalog.info(type).parameters().stream()
                    .map(StepParameter::name).anyMatch("cue"::equals)) {
                out.put("cue", cue);
            }
            return out;
        }

        /** Audits and synthesis read the uploaded version, not a version an upstream edit derived. */
        Map<String, Object> original() {
            return Map.of(PlanBuilder.DATASET_VERSION_ID, versionId);
        }
    }
}
