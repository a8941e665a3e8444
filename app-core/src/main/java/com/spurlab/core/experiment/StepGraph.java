package com.spurlab.core.experiment;

import com.spurlab.core.InvalidRequestException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shape of a plan: each step names the earlier steps it depends on, so every plan is a DAG
 * (a step can only depend on steps before it — no cycles by construction).
 */
final class StepGraph {

    static final String DEPENDS_ON = "dependsOn";

    private StepGraph() {
    }

    /**
     * The step indices that step {@code index} depends on, from a JSON array, a number or a comma-separated
     * string; by default (absent) the step before it.
     */
    static List<Integer> dependencies(Object raw, int index) {
        if (raw == null) {
            return index == 0 ? List.of() : List.of(index - 1);
        }
        List<String> parts = new ArrayList<>();
        if (raw instanceof Collection<?> list) {
            list.forEach(v -> parts.add(String.valueOf(v)));
        } else {
            parts.addAll(List.of(String.valueOf(raw).split(",")));
        }
        List<Integer> out = new ArrayList<>();
        for (String part : parts) {
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

    /**
     * The steps upstream of step {@code index}, nearest first: its dependencies (later steps first), then
     * theirs, breadth-first, each once. The same order a running job receives its inputs in.
     */
    static List<Integer> upstream(List<List<Integer>> dependencies, int index) {
        Set<Integer> seen = new LinkedHashSet<>();
        Deque<Integer> next = new ArrayDeque<>(dependencies.get(index).stream().sorted(Comparator.reverseOrder()).toList());
        while (!next.isEmpty()) {
            int step = next.poll();
            if (seen.add(step)) {
                dependencies.get(step).stream().sorted(Comparator.reverseOrder()).forEach(next::add);
            }
        }
        return List.copyOf(seen);
    }
}
