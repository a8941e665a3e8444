package com.spurlab.ui.audit;

import static com.spurlab.ui.audit.Figures.number;
import static com.spurlab.ui.audit.Figures.percent;
import static com.spurlab.ui.audit.Figures.share;

import com.spurlab.core.audit.AuditResult;
import com.spurlab.core.audit.AuditResults;
import com.spurlab.ui.Labels;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Two audits side by side (say the baseline and the mitigated model): each headline figure, then their findings. */
class AuditComparison extends Div {

    AuditComparison(AuditResults.AuditRun left, AuditResults.AuditRun right) {
        setId("audit-comparison");
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("Cue, split", left, right, r -> r.cue() + " on " + r.split() + " (" + r.n() + ")"));
        rows.add(row("EAT, cue contrast", left, right, r -> Figures.effect(r.cueContrast())));
        rows.add(row("Accuracy", left, right, r -> share(r.gaps().overall())));
        rows.add(row("Worst-group accuracy", left, right, r -> percent(r.gaps().worstGroupAccuracy()) + " ("
                + Labels.group(r.gaps().worstGroup()) + ")"));
        rows.add(row("Accuracy gap", left, right, r -> Figures.gap(r.gaps().accuracy(), r.gaps().intervals().accuracy())));
        rows.add(row("TPR gap", left, right, r -> Figures.gap(r.gaps().tpr(), r.gaps().intervals().tpr())));
        rows.add(row("FPR gap", left, right, r -> Figures.gap(r.gaps().fpr(), r.gaps().intervals().fpr())));
        rows.add(row("Counterfactual consistency", left, right, r -> r.consistency() == null ? "— (no EDIT run)"
                : share(r.consistency().overall())));
        rows.add(row("ODmAP@k drop", left, right, r -> r.odmap() == null ? "— (no EDIT run)" : number(r.odmap().drop(),
                r.odmap().intervals().drop().ciLow(), r.odmap().intervals().drop().ciHigh())));
        add(new H4("Side by side"),
                Figures.table("audit-comparison-table", List.of("Figure", label(left), label(right)), rows));
        add(new H4("Accuracy per group"), AuditCharts.compareGroups(left, right));
        Div findings = new Div(column(left, "audit-findings-left"), column(right, "audit-findings-right"));
        findings.getStyle().set("display", "grid").set("grid-template-columns", "1fr 1fr").set("gap", "var(--lumo-space-l)");
        add(findings);
    }

    static String label(AuditResults.AuditRun run) {
        return "run " + run.runId() + " · " + run.method() + " · " + run.result().cue() + " on " + run.result().split();
    }

    private static List<String> row(String figure, AuditResults.AuditRun left, AuditResults.AuditRun right,
                                    Function<AuditResult, String> value) {
        return List.of(figure, value.apply(left.result()), value.apply(right.result()));
    }

    private static Div column(AuditResults.AuditRun run, String id) {
        return new Div(new H4("Findings of " + label(run)), AuditReportView.findings(run.result().findings(), id));
    }
}
