package com.spurlab.report;

import com.spurlab.core.audit.AuditResult;
import com.spurlab.core.audit.AuditResults.AuditRun;
import com.spurlab.core.kpi.KpiPoint;
import com.spurlab.core.kpi.KpiStatus;
import com.spurlab.core.results.ConfirmedCue;
import com.spurlab.core.results.GroupEstimate;
import com.spurlab.core.results.PilotOverview;
import com.spurlab.core.results.PilotReport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The report's figures as rows, one per KPI point, group, cue and audit figure: what the CSV holds, and the tables the
 * PDF prints. Figures are fractions (not percentages), intervals are 95 %, a figure that does not exist is null.
 */
final class ReportRows {

    static final List<String> COLUMNS = List.of("section", "name", "model", "method", "evaluation_run", "value",
            "ci_low", "ci_high", "n", "target", "status", "note");

    /** One row; {@code model} says which: baseline, best, latest, mitigated, or an evaluation in the trend. */
    record Row(String section, String name, String model, String method, Long evaluationRun, Double value,
               Double ciLow, Double ciHigh, Integer n, String target, String status, String note) {
    }

    private ReportRows() {
    }

    static List<Row> of(PilotReport report) {
        List<Row> rows = new ArrayList<>();
        PilotOverview o = report.overview();
        for (KpiStatus k : o.kpis()) {
            String target = k.comparator() + " " + k.target();
            kpi(rows, k, "baseline", k.baselinePoint(), target);
            kpi(rows, k, "best by validation", k.bestPoint(), target);
            kpi(rows, k, "latest", k.latestPoint(), target);
            k.history().forEach(p -> rows.add(new Row("trend", k.metric().name(), o.versionLabel(p.datasetVersionId()),
                    p.method(), p.evaluationRunId(), p.value(), p.ciLow(), p.ciHigh(), p.worstGroupN(), target,
                    p.status().name(), "experiment " + p.experimentId())));
        }
        groups(rows, "baseline", o.baseline());
        groups(rows, "mitigated", o.mitigated());
        for (ConfirmedCue c : report.cues()) {
            rows.add(new Row("cue", c.cue(), c.label(), c.kind(), c.editRunId(), c.flipRate(), c.flipCiLow(),
                    c.flipCiHigh(), c.n(), null, c.confirmed() == null ? "NOT_TESTED" : c.confirmed() ? "CONFIRMED"
                    : "NOT_CONFIRMED", "flip rate; lift " + (c.lift() == null ? "—" : String.format(
                    java.util.Locale.ROOT, "%.2f", c.lift())) + "; control flip rate "
                    + (c.controlFlipRate() == null ? "—" : String.format(java.util.Locale.ROOT, "%.3f",
                    c.controlFlipRate()))));
        }
        audit(rows, "baseline", report.audits().baseline());
        audit(rows, "mitigated", report.audits().mitigated());
        return rows;
    }

    private static void kpi(List<Row> rows, KpiStatus k, String which, KpiPoint p, String target) {
        rows.add(p == null ? new Row("kpi", k.metric().name(), which, null, null, null, null, null, null, target,
                "WAITING", "no evaluation yet")
                : new Row("kpi", k.metric().name(), which, p.method(), p.evaluationRunId(), p.value(), p.ciLow(),
                p.ciHigh(), p.worstGroupN(), target, p.status().name(), p.tooSmall()
                ? "rests on a group of fewer than 20 images" : "n = images in the worst group"));
    }

    private static void groups(List<Row> rows, String which, PilotOverview.Evaluation e) {
        if (e == null) {
            return;
        }
        for (GroupEstimate g : e.groups()) {
            rows.add(new Row("group", g.group(), which, e.run().method(), e.run().evaluationRunId(), g.accuracy(),
                    g.low(), g.high(), g.n(), null, null, g.tooSmall() ? "fewer than 20 images: too small to trust"
                    : g.group().equals(e.test().worstGroup()) ? "worst group" : null));
        }
    }

    private static void audit(List<Row> rows, String which, AuditRun run) {
        if (run == null) {
            return;
        }
        AuditResult r = run.result();
        AuditResult.Association eat = r.cueContrast();
        if (eat != null) {
            rows.add(auditRow(which, run, "eat_effect_size", eat.effectSize(), eat.effectSizeCiLow(),
                    eat.effectSizeCiHigh(), eat.n(), "p = " + eat.pValue()));
        }
        if (r.gaps() != null) {
            gap(rows, which, run, "accuracy_gap", r.gaps().accuracy(), g -> g.accuracy());
            gap(rows, which, run, "tpr_gap", r.gaps().tpr(), g -> g.tpr());
            gap(rows, which, run, "fpr_gap", r.gaps().fpr(), g -> g.fpr());
        }
        if (r.consistency() != null && r.consistency().overall() != null) {
            AuditResult.Share s = r.consistency().overall();
            rows.add(auditRow(which, run, "counterfactual_consistency", s.value(), s.ciLow(), s.ciHigh(), s.n(), null));
        }
        if (r.odmap() != null) {
            AuditResult.Interval drop = r.odmap().intervals() == null ? null : r.odmap().intervals().drop();
            rows.add(auditRow(which, run, "odmap_drop", r.odmap().drop(), drop == null ? null : drop.ciLow(),
                    drop == null ? null : drop.ciHigh(), r.odmap().queries(), "k = " + r.odmap().k()));
        }
        r.findings().forEach(f -> rows.add(new Row("audit_finding", f.metric(), which, run.method(), run.runId(),
                null, null, null, null, null, f.severity(), f.text())));
    }

    private static void gap(List<Row> rows, String which, AuditRun run, String name, Double value,
                            Function<AuditResult.GapIntervals, AuditResult.Gap> interval) {
        AuditResult.Gap g = run.result().gaps().intervals() == null ? null
                : interval.apply(run.result().gaps().intervals());
        rows.add(auditRow(which, run, name, value, g == null ? null : g.ciLow(), g == null ? null : g.ciHigh(), null,
                g != null && g.tooSmall() ? "a side has fewer than 20 images" : null));
    }

    private static Row auditRow(String which, AuditRun run, String name, Double value, Double low, Double high,
                                Integer n, String note) {
        return new Row("audit", name, which, run.method(), run.runId(), value, low, high, n, null, null,
                "cue " + run.result().cue() + (note == null ? "" : "; " + note));
    }
}
