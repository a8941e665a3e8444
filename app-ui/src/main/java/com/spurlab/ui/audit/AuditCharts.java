package com.spurlab.ui.audit;

import com.spurlab.core.audit.AuditResult;
import com.spurlab.core.audit.AuditResults;
import com.spurlab.ui.Labels;
import com.spurlab.ui.chart.BarChart;
import com.spurlab.ui.chart.EChart;
import com.spurlab.ui.chart.Estimate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The Audit tab's per-group figures as bars with their 95 % intervals (the shared chart component). */
final class AuditCharts {

    private static final String TOO_SMALL = "fewer than 20 images: too small to trust";

    private AuditCharts() {
    }

    /** Accuracy per label × cue value, the worst group marked. */
    static EChart groupAccuracy(AuditResult.Gaps gaps) {
        List<AuditResult.GroupAccuracy> groups = gaps.groups();
        return chart("audit-group-bars", BarChart.of(groups.stream().map(g -> Labels.group(g.group())).toList())
                .series("accuracy", groups.stream().map(g -> estimate(g.accuracy())).toList())
                .highlight(gaps.worstGroup() == null ? null : Labels.group(gaps.worstGroup()), "worst group"));
    }

    /** Each class's one-vs-rest TPR and FPR per cue value: a gap between the values of one class is the cue's. */
    static EChart rates(AuditResult.Gaps gaps) {
        List<AuditResult.ClassRates> rates = gaps.rates();
        return chart("audit-rate-bars", BarChart.of(rates.stream().map(r -> Labels.group(r.label() + "|" + r.context()))
                        .toList())
                .series("true-positive rate", rates.stream().map(r -> estimate(r.tpr())).toList())
                .series("false-positive rate", rates.stream().map(r -> estimate(r.fpr())).toList()));
    }

    /** Per group, the share of edited images whose prediction survived, beside the control edit's share. */
    static EChart consistency(AuditResult.Consistency c) {
        List<AuditResult.GroupConsistency> groups = c.groups();
        BarChart bars = BarChart.of(groups.stream().map(g -> Labels.group(g.group())).toList())
                .series("prediction unchanged by the cue edit", groups.stream().map(g -> estimate(g.consistency()))
                        .toList());
        if (c.control() != null) {
            bars.series("unchanged by the control edit", groups.stream().map(g -> estimate(g.control())).toList());
        }
        return chart("audit-consistency-bars", bars.highlight(Labels.group(c.lowestGroup()), "lowest consistency"));
    }

    /** Per group of the queries, mAP@k of the originals and of the same queries with the cue edited out. */
    static EChart retrieval(AuditResult.Odmap o) {
        List<AuditResult.GroupRetrieval> groups = o.groups();
        List<String> names = groups.stream().map(g -> Labels.group(g.group())).toList();
        return chart("audit-odmap-bars", BarChart.of(names)
                .series("mAP@" + o.k() + " original", groups.stream().map(g -> retrieval(g, g.original())).toList())
                .series("mAP@" + o.k() + " cue edited out", groups.stream().map(g -> retrieval(g, g.edited())).toList()));
    }

    /** Two audits' accuracy per group side by side, over the groups of both. */
    static EChart compareGroups(AuditResults.AuditRun left, AuditResults.AuditRun right) {
        List<String> keys = new ArrayList<>(new LinkedHashSet<>(List.of(left, right).stream()
                .flatMap(r -> r.result().gaps().groups().stream().map(AuditResult.GroupAccuracy::group)).toList()));
        BarChart bars = BarChart.of(keys.stream().map(Labels::group).toList());
        for (AuditResults.AuditRun run : List.of(left, right)) {
            Map<String, AuditResult.GroupAccuracy> byGroup = run.result().gaps().groups().stream()
                    .collect(Collectors.toMap(AuditResult.GroupAccuracy::group, Function.identity()));
            bars.series(AuditComparison.label(run), keys.stream().map(k -> byGroup.containsKey(k)
                    ? estimate(byGroup.get(k).accuracy()) : null).toList());
            String worst = run.result().gaps().worstGroup();
            bars.highlight(worst == null ? null : Labels.group(worst), "worst group of run " + run.runId());
        }
        return chart("audit-comparison-groups", bars);
    }

    private static Estimate estimate(AuditResult.Share s) {
        if (s == null) {
            return null;
        }
        Estimate e = Estimate.of(s.value(), s.ciLow(), s.ciHigh(), s.n());
        return s.tooSmall() ? e.withNote(TOO_SMALL) : e;
    }

    private static Estimate retrieval(AuditResult.GroupRetrieval g, Double value) {
        Estimate e = new Estimate(value, null, null, g.queries(), null);
        return g.tooSmall() ? e.withNote("fewer than 20 queries: too small to trust") : e;
    }

    private static EChart chart(String id, BarChart option) {
        EChart chart = new EChart(option);
        chart.setId(id);
        return chart;
    }
}
