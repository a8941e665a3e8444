package com.spurlab.inference.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Does a prediction survive a label-keeping edit? Counted overall and per group, against the control edit. */
public final class CounterfactualConsistency {

    private CounterfactualConsistency() {
    }

    /**
     * @throws IllegalArgumentException when there are no pairs
     */
    public static ConsistencyReport of(List<CounterfactualPair> pairs) {
        if (pairs == null || pairs.isEmpty()) {
            throw new IllegalArgumentException("no counterfactual pairs: the EDIT run edited no sample of this split");
        }
        Map<String, int[]> byGroup = new TreeMap<>();
        int[] all = new int[4];
        for (CounterfactualPair p : pairs) {
            count(all, p);
            count(byGroup.computeIfAbsent(p.group() == null ? "" : p.group(), g -> new int[4]), p);
        }
        List<GroupConsistency> groups = new ArrayList<>();
        GroupConsistency lowest = null;
        for (Map.Entry<String, int[]> e : byGroup.entrySet()) {
            int[] c = e.getValue();
            GroupConsistency g = new GroupConsistency(e.getKey(), Proportion.of(c[0], c[1]), control(c));
            groups.add(g);
            if (lowest == null || g.consistency().value() < lowest.consistency().value()) {
                lowest = g;
            }
        }
        return new ConsistencyReport(Proportion.of(all[0], all[1]), control(all), groups, lowest.group());
    }

    /** counts: same prediction, pairs, same under the control edit, pairs with a control edit. */
    private static void count(int[] counts, CounterfactualPair p) {
        counts[1]++;
        if (p.editedPredicted() == p.originalPredicted()) {
            counts[0]++;
        }
        if (p.controlPredicted() != null) {
            counts[3]++;
            if (p.controlPredicted() == p.originalPredicted()) {
                counts[2]++;
            }
        }
    }

    private static Proportion control(int[] counts) {
        return counts[3] == 0 ? null : Proportion.of(counts[2], counts[3]);
    }
}
