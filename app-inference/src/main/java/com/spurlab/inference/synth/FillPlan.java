package com.spurlab.inference.synth;

import com.spurlab.inference.edit.EditSample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How many images each label × cue-value group of the training split gets: up to {@code targetShare} of its
 * label's largest group, and when that asks for more than {@code maxAdded} in all, each group its proportional
 * share (largest remainders first, so the total is exactly the cap).
 */
final class FillPlan {

    /** A group and how many images it is to get. */
    record Fill(int label, String value, String group, int before, int target, int wanted) {
    }

    final List<String> values;
    final Map<String, Integer> before;
    final List<Fill> fills;

    private FillPlan(List<String> values, Map<String, Integer> before, List<Fill> fills) {
        this.values = values;
        this.before = before;
        this.fills = fills;
    }

    /**
     * @throws IllegalArgumentException when no training sample has a value of the cue, or only one value occurs
     */
    static FillPlan of(SynthesisRequest request, List<String> classNames, List<EditSample> train, CueValues cue) {
        TreeSet<String> values = new TreeSet<>();
        int[][] counts;
        train.forEach(s -> {
            String v = cue.valueOf(s.sampleId());
            if (v != null) {
                values.add(v);
            }
        });
        if (values.size() < 2) {
            throw new IllegalArgumentException("the training split shows " + (values.isEmpty() ? "no value" : "only the value "
                    + values.first()) + " of " + cue.cue().name() + ": there is no group to fill; check the cue's name"
                    + (cue.cue().region() == SynthesisCue.Region.TEXT ? " (OCR read the word in "
                    + (values.contains(SynthesisCue.YES) ? "every" : "no") + " training image)" : ""));
        }
        List<String> ordered = List.copyOf(values);
        counts = new int[classNames.size()][ordered.size()];
        for (EditSample s : train) {
            String v = cue.valueOf(s.sampleId());
            if (v != null) {
                counts[s.label()][ordered.indexOf(v)]++;
            }
        }
        Map<String, Integer> before = new LinkedHashMap<>();
        List<Fill> fills = new ArrayList<>();
        for (int label = 0; label < classNames.size(); label++) {
            int largest = 0;
            for (int n : counts[label]) {
                largest = Math.max(largest, n);
            }
            int target = (int) Math.ceil(request.targetShare() * largest - 1e-9);
            for (int v = 0; v < ordered.size(); v++) {
                String group = group(classNames, label, ordered.get(v));
                int n = counts[label][v];
                before.put(group, n);
                fills.add(new Fill(label, ordered.get(v), group, n, Math.max(n, target), Math.max(0, target - n)));
            }
        }
        return new FillPlan(ordered, before, capped(fills, request.maxAdded()));
    }

    static String group(List<String> classNames, int label, String value) {
        return classNames.get(label) + "|" + value;
    }

    int wanted() {
        return fills.stream().mapToInt(Fill::wanted).sum();
    }

    private static List<Fill> capped(List<Fill> fills, int max) {
        int total = fills.stream().mapToInt(Fill::wanted).sum();
        if (total <= max) {
            return List.copyOf(fills);
        }
        int[] share = new int[fills.size()];
        double[] remainder = new double[fills.size()];
        int given = 0;
        for (int i = 0; i < fills.size(); i++) {
            double exact = (double) fills.get(i).wanted() * max / total;
            share[i] = (int) Math.floor(exact);
            remainder[i] = exact - share[i];
            given += share[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < fills.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -remainder[i]).thenComparingInt(i -> i));
        for (int k = 0; given < max; k++, given++) {
            share[order.get(k)]++;
        }
        List<Fill> out = new ArrayList<>();
        for (int i = 0; i < fills.size(); i++) {
            Fill f = fills.get(i);
            out.add(new Fill(f.label(), f.value(), f.group(), f.before(), f.target(), share[i]));
        }
        return out;
    }
}
