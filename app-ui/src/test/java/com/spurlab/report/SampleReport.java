package com.spurlab.report;

import com.spurlab.core.kpi.ComparedEvaluation;
import com.spurlab.core.kpi.KpiMetric;
import com.spurlab.core.kpi.KpiPoint;
import com.spurlab.core.kpi.KpiStatus;
import com.spurlab.core.kpi.SnapshotScope;
import com.spurlab.core.kpi.TargetStatus;
import com.spurlab.core.results.AuditSideBySide;
import com.spurlab.core.results.ConfirmedCue;
import com.spurlab.core.results.GroupEstimate;
import com.spurlab.core.results.PilotOverview;
import com.spurlab.core.results.PilotReport;
import com.spurlab.core.run.GroupResult;
import com.spurlab.core.run.SplitEvaluation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A pilot report in memory: an ERM baseline (worst group t-shirt · cool at 30 %) and a GroupDRO model at 88 %. */
final class SampleReport {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private SampleReport() {
    }

    static PilotReport of(List<ConfirmedCue> cues) {
        List<GroupResult> erm = List.of(new GroupResult("t-shirt|warm", 190, 188, 188 / 190.0, false),
                new GroupResult("t-shirt|cool", 10, 3, 0.3, true), new GroupResult("dress|cool", 190, 186, 186 / 190.0,
                        false), new GroupResult("dress|warm", 50, 20, 0.4, false));
        List<GroupResult> dro = List.of(new GroupResult("t-shirt|warm", 190, 180, 180 / 190.0, false),
                new GroupResult("t-shirt|cool", 10, 9, 0.9, true), new GroupResult("dress|cool", 190, 178, 178 / 190.0,
                        false), new GroupResult("dress|warm", 50, 44, 0.88, false));
        KpiPoint base = point(11, "ERM", 0.3, 0.1, 0.5, TargetStatus.NOT_MET, 0.25);
        KpiPoint best = point(14, "GROUP_DRO", 0.88, 0.8, 0.95, TargetStatus.UNCERTAIN, 0.9);
        KpiStatus wga = new KpiStatus(KpiMetric.WORST_GROUP_ACCURACY, ">=", 0.85, 0.3, 0.88, 0.88, false,
                TargetStatus.UNCERTAIN, "best", new SnapshotScope(2, "background", "test"), base, best, best,
                List.of(base, best));
        KpiPoint baseGap = point(11, "ERM", 0.55, 0.4, 0.7, TargetStatus.NOT_MET, 0.25);
        KpiPoint bestGap = point(14, "GROUP_DRO", 0.04, 0.01, 0.09, TargetStatus.UNCERTAIN, 0.9);
        KpiStatus gap = new KpiStatus(KpiMetric.ACCURACY_GAP, "<=", 0.05, 0.55, 0.04, 0.04, false,
                TargetStatus.UNCERTAIN, "best", new SnapshotScope(2, "background", "test"), baseGap, bestGap, bestGap,
                List.of(baseGap, bestGap));
        PilotOverview overview = new PilotOverview(1, PilotOverview.Stage.EVALUATED, List.of(wga, gap),
                evaluation(11, "ERM", erm), evaluation(14, "GROUP_DRO", dro), "best by validation worst-group accuracy",
                List.of(compared(11, "ERM"), compared(14, "GROUP_DRO")), Map.of(2L, "fashion-cue v1"), 0);
        return new PilotReport(1, "Sample pilot", NOW, overview, cues, new AuditSideBySide(null, null));
    }

    static ConfirmedCue cue(String name, Boolean confirmed) {
        return new ConfirmedCue(name, "ATTRIBUTE", "t-shirt", 3.5, 0.4, 120, List.of(5L, 6L), 2L,
                confirmed == null ? null : 0.62, confirmed == null ? null : 0.5, confirmed == null ? null : 0.72,
                confirmed == null ? null : 0.03, confirmed, 20L, confirmed == null ? null : 21L);
    }

    private static KpiPoint point(long run, String method, double value, double low, double high, TargetStatus status,
                                  double validation) {
        return new KpiPoint(run, run - 1, run - 1, method, 2, value, low, high, "t-shirt|cool", 10, true, validation,
                status, NOW);
    }

    private static ComparedEvaluation compared(long run, String method) {
        return new ComparedEvaluation(run, run - 1, run - 1, method, 2, 0.5, NOW);
    }

    private static PilotOverview.Evaluation evaluation(long run, String method, List<GroupResult> groups) {
        GroupResult worst = groups.stream().min(java.util.Comparator.comparingDouble(GroupResult::accuracy)).orElseThrow();
        SplitEvaluation test = new SplitEvaluation("test", 440, 0.9, worst.accuracy(), worst.group(), 0.1, 0.5, 0.7,
                0.9 - worst.accuracy(), "background", groups);
        return new PilotOverview.Evaluation(compared(run, method), test, groups.stream().map(GroupEstimate::of).toList());
    }
}
