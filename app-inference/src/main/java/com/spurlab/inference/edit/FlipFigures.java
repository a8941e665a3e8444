package com.spurlab.inference.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
            int[] g = groups.computeIfAbsent(p.group(), k -> new int[4]);
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
                }
            }
        }
        WilsonInterval ci = WilsonInterval.of95(flipped, correct);
        WilsonInterval controlCi = WilsonInterval.of95(controlFlipped, controlN);
        double flipRate = correct == 0 ? Double.NaN : (double) flipped / correct;
        double controlRate = controlN == 0 ? Double.NaN : (double) controlFlipped / controlN;
        boolean confirmed = correct > 0 && controlN > 0 && ci.low() > controlRate + request.margin();
        List<String> lines = new ArrayList<>(report);
        if (correct == 0) {
            lines.add("no edited original was classified correctly, so no flip rate can be measured");
        } else if (controlN == 0) {
            lines.add("no control edit could be made, so the cue cannot be confirmed");
        }
        List<GroupConsistency> perGroup = new ArrayList<>();
        for (Map.Entry<String, int[]> e : groups.entrySet()) {
            int[] g = e.getValue();
            perGroup.add(new GroupConsistency(e.getKey(), g[0], g[1], (double) g[1] / g[0], g[2], g[3]));
        }
        return new EditResult(request.datasetVersionId(), request.cue(), request.operation(), request.split(), pairs.size(),
                correct, flipped, flipRate, ci.low(), ci.high(), controlRate, confirmed, request.margin(), controlN,
                controlFlipped, controlCi.low(), controlCi.high(),
                pairs.isEmpty() ? Double.NaN : (double) consistent / pairs.size(), perGroup, pairs, items, lines);
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
