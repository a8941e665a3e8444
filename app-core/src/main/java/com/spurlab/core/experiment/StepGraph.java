package com.spurlab.core.experiment;

import com.spurlab.core.InvalidRequestException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The shape of a plan: each step names the earlier steps it depends on, so every plan is a DAG
 * (a step can only depend on steps before it — no cycles by construction).
 */
final class StepGraph {

    static final String DEPENDS_ON = "dependsOn";

    private StepGraph() {
    }

    /** The step indices that step {@code index} depends on; by default the step before it. */
    static List<Integer> dependencies(String raw, int index) {
        if (raw == null) {
            return index == 0 ? List.of() : List.of(index - 1);
        }
        List<Integer> out = new ArrayList<>();
        for (String part : raw.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int dependency;
            try {
                dependency = Integer.parseInt(part.strip());
            } catch (NumberFormatException e) {
                dependency = -1;
            }
            if (dependency < 0 || dependency >= index) {
                throw new InvalidRequestException("invalid_plan", "step " + (index + 1) + ": dependsOn must name "
                        + "earlier steps by index (0 to " + (index - 1) + "), got '" + part.strip() + "'");
            }
            if (!out.contains(dependency)) {
                out.add(dependency);
            }
        }
        return List.copyOf(out);
    }

    /** An EVALUATE step needs a model: a TRAIN step among the steps it (transitively) depends on. */
    static void requireTrainingBeforeEvaluation(List<StepSpec> steps, List<List<Integer>> dependencies) {
        List<BitSet> ancestors = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            BitSet mine = new BitSet();
            for (int d : dependencies.get(i)) {
                mine.set(d);
                mine.or(ancestors.get(d));
            }
            ancestors.add(mine);
            if (steps.get(i).type() == StepType.EVALUATE
                    && mine.stream().noneMatch(a -> steps.get(a).type() == StepType.TRAIN)) {
                throw new InvalidRequestException("invalid_plan", "step " + (i + 1)
                        + " (EVALUATE) needs a TRAIN step among the steps it depends on");
            }
        }
    }
}
