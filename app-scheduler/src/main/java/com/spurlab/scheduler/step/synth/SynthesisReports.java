package com.spurlab.scheduler.step.synth;

import com.spurlab.core.dataset.Association;
import com.spurlab.core.dataset.DatasetVersionView;
import com.spurlab.core.synthesis.SynthesisReport;
import com.spurlab.inference.synth.SynthesisResult;
import com.spurlab.inference.synth.SynthesizedItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The engine's result as the run stores it ({@link SynthesisReport}): ids of the derived version, no file paths. */
final class SynthesisReports {

    /** New images shown per filled group. */
    static final int EXAMPLES_PER_GROUP = 6;

    private SynthesisReports() {
    }

    static SynthesisReport of(DerivedVersion made, DatasetVersionView source, CueChoice choice, SynthesizeParams p,
            SynthesisResult r, SynthesisReport.Quality quality, Map<String, Long> timings) {
        List<SynthesisReport.Fill> fills = r.fills().stream().map(f -> new SynthesisReport.Fill(f.group(), f.before(),
                f.target(), f.added(), f.operation())).toList();
        List<String> report = new ArrayList<>();
        if (!choice.from().equals("PARAMETER")) {
            report.add("cue " + choice.cue() + " chosen from " + switch (choice.from()) {
                case "EDIT" -> "EDIT run " + choice.runId() + ", which confirmed it";
                case "EXTRACT" -> "EXTRACT run " + choice.runId() + ", the first of its ranked cues that can be recombined";
                default -> "the dataset's composition, which flags it most strongly";
            });
        }
        report.addAll(r.report());
        return new SynthesisReport(made.view().id(), source.id(), made.view().label(), source.label(), r.cue(), choice.from(), r.attribute(), p.method().name(),
                r.items().size(), r.groupsBefore(), r.groupsAfter(), new SynthesisReport.Association(
                        cramersV(r.groupsBefore()), cramersV(r.groupsAfter())), fills, quality,
                QualityJudge.finite(r.nearDuplicates()), examples(r, made), new SynthesisReport.Settings(p.targetShare(),
                p.maxAdded(), p.seed(), p.augmentation()), report, timings);
    }

    /** The groups that got images, e.g. {@code sandal|cool (900), sneaker|warm (900)}. */
    static String filled(SynthesisResult r) {
        String groups = r.fills().stream().filter(f -> f.added() > 0).map(f -> f.group() + " (" + f.added() + ")")
                .collect(Collectors.joining(", "));
        return groups.isEmpty() ? "no group" : groups;
    }

    /** Cramér's V of label against value, from {@code "<label>|<value>"} counts (the composition's own formula). */
    static double cramersV(Map<String, Integer> groups) {
        Map<String, Map<String, Integer>> table = new TreeMap<>();
        groups.forEach((group, n) -> {
            int bar = group.lastIndexOf('|');
            table.computeIfAbsent(group.substring(0, bar), l -> new TreeMap<>()).put(group.substring(bar + 1), n);
        });
        return Association.cramersV(table);
    }

    private static List<SynthesisReport.Example> examples(SynthesisResult r, DerivedVersion made) {
        Map<String, Integer> shown = new LinkedHashMap<>();
        List<SynthesisReport.Example> out = new ArrayList<>();
        for (SynthesizedItem item : r.items()) {
            Long sampleId = made.sampleIds().get(item.itemId());
            if (sampleId == null || shown.merge(item.group(), 1, Integer::sum) > EXAMPLES_PER_GROUP) {
                continue;
            }
            out.add(new SynthesisReport.Example(sampleId, item.group(), item.operation(),
                    item.sources().stream().map(Long::valueOf).toList(), item.seed(), item.augmentation()));
        }
        return out;
    }
}
