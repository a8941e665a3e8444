package com.spurlab.inference.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;

/** The figures of a confirmation run, computed from its pairs in one place. */
final class FlipFigures {

    private FlipFigures() {
    }

    static EditResult of(EditRequest request, List<EditedPair> pairs, List<EditedItem> items, List<String> report) {
        int correct = 0;
        int flipped = 0;
        int controlN = 0;
        int controlFlipped = 0;
        int consistent = 0;
        Map<String, int[]> groups = new TreeMap<>();
        for (EditedPair p : pairs) {
            int[] g = groups.computeIfAbsent(p.group(), k -> new int[6]);
            g[0]++;
            if (!p.flipped()) {
                consistent++;
                g[1]++;
            }
            if (p.correctBefore()) {
                correct++;
                g[2]++;
                if (p.flipped()) {
                    flipped++;
                    g[3]++;
                }
                if (p.controlFile() != null) {
                    controlN++;
                    controlFlipped += p.controlFlipped() ? 1 : 0;
                    g[4]++;
                    g[5] += p.controlFlipped() ? 1 : 0;
                }
            }
        }
        double[] ci = wilson95(flipped, correct);
        double[] controlCi = wilson95(controlFlipped, controlN);
        double flipRate = correct == 0 ? Double.NaN : (double) flipped / correct;
        double controlRate = controlN == 0 ? Double.NaN : (double) controlFlipped / controlN;
        boolean confirmed = correct > 0 && controlN > 0 && ci[0] > controlRate + request.margin();
        List<String> lines = new ArrayList<>(report);
        if (correct == 0) {
            lines.add("no edited original was classified correctly, so no flip rate can be measured");
        } else if (controlN == 0) {
            lines.add("no control edit could be made, so the cue cannot be confirmed");
        }
        List<GroupConsistency> perGroup = new ArrayList<>();
        for (Map.Entry<String, int[]> e : groups.entrySet()) {
            int[] g = e.getValue();
            double[] groupCi = wilson95(g[3], g[2]);
            double[] groupControlCi = wilson95(g[5], g[4]);
            perGroup.add(new GroupConsistency(e.getKey(), g[0], g[1], (double) g[1] / g[0], g[2], g[3],
                    g[2] == 0 ? Double.NaN : (double) g[3] / g[2], groupCi[0], groupCi[1], g[4], g[5],
                    g[4] == 0 ? Double.NaN : (double) g[5] / g[4], groupControlCi[0], groupControlCi[1]));
        }
        return new EditResult(request.datasetVersionId(), request.cue(), request.operation(), request.split(), pairs.size(),
                correct, flipped, flipRate, ci[0], ci[1], controlRate, confirmed, request.margin(), controlN,
                controlFlipped, controlCi[0], controlCi[1],
                pairs.isEmpty() ? Double.NaN : (double) consistent / pairs.size(), perGroup, pairs, items, lines);
    }

    /**
     * Wilson's score interval (95 %) of {@code successes} in {@code trials}, from Commons Statistics: it
     * stays inside [0, 1] and keeps its coverage near 0 and 1, where flip rates often are. {NaN, NaN}
     * for no trials.
     */
    static double[] wilson95(int successes, int trials) {
        if (trials == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        Interval ci = BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(trials, successes, 0.05);
        // At 0 or n of n the library's bound misses the exact 0 or 1 by rounding (0.9999999999999999 at 60 of 60),
        // which would leave a flip rate of 1 outside its own interval.
        return new double[] {successes == 0 ? 0 : ci.getLowerBound(), successes == trials ? 1 : ci.getUpperBound()};
    }

    /** The first {@code limit} lines, then one line counting the rest. */
    static List<String> capped(List<String> lines, int limit) {
        if (lines.size() <= limit) {
            return lines;
        }
        List<String> out = new ArrayList<>(lines.subList(0, limit));
        out.add("... and " + (lines.size() - limit) + " more like these");
        return out;
    }
}
