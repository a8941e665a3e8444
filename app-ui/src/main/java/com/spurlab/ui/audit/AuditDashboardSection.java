package com.spurlab.ui.audit;

import com.spurlab.core.audit.AuditResult;
import com.spurlab.core.audit.AuditResults.AuditRun;
import com.spurlab.core.results.AuditSideBySide;
import com.spurlab.core.results.PilotFindings;
import com.spurlab.core.results.PilotOverview;
import com.spurlab.core.results.PilotReports;
import com.spurlab.ui.dashboard.DashboardSection;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The dashboard's audit section: the baseline's and the mitigated model's bias audits side by side, in plain words. */
@org.springframework.stereotype.Component
class AuditDashboardSection implements DashboardSection {

    private final PilotFindings findings;

    AuditDashboardSection(PilotFindings findings) {
        this.findings = findings;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Optional<Component> create(PilotOverview overview) {
        AuditSideBySide audits = findings.audits(overview.projectId(), PilotReports.modelRunOf(overview.baseline()),
                PilotReports.modelRunOf(overview.mitigated()));
        if (audits.baseline() == null) {
            return Optional.empty();
        }
        AuditRun left = audits.baseline();
        AuditRun right = audits.mitigated();
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("Embedding association (EAT d, cue contrast)", left, right,
                r -> Figures.effect(r.cueContrast()), "|d| near 0: the embeddings do not tie labels to the cue; "
                        + "0.8 or more is a strong bias"));
        rows.add(row("Accuracy gap", left, right, r -> r.gaps() == null ? "—" : Figures.gap(r.gaps().accuracy(), r.gaps().intervals().accuracy()),
                "lower: the worst group is close to the average image"));
        rows.add(row("True-positive-rate gap", left, right, r -> r.gaps() == null ? "—" : Figures.gap(r.gaps().tpr(), r.gaps().intervals().tpr()),
                "lower: the cue does not decide who is recognised"));
        rows.add(row("False-positive-rate gap", left, right,
                r -> r.gaps() == null ? "—" : Figures.gap(r.gaps().fpr(), r.gaps().intervals().fpr()), "lower: the cue does not decide who is "
                        + "mistaken for another class"));
        rows.add(row("Counterfactual consistency", left, right, r -> r.consistency() == null ? "— (no edit audited)"
                : Figures.share(r.consistency().overall()), "higher: predictions survive the cue's removal"));
        rows.add(row("ODmAP@k drop", left, right, r -> r.odmap() == null ? "— (no edit audited)"
                : Figures.number(r.odmap().drop(), r.odmap().intervals().drop().ciLow(),
                r.odmap().intervals().drop().ciHigh()), "near 0: retrieval does not depend on the cue"));
        rows.add(row("Most worrying finding", left, right, r -> r.findings().isEmpty() ? "—"
                : r.findings().get(0).severity() + ": " + r.findings().get(0).text(), ""));
        Div scroll = new Div(Figures.table("dashboard-audit-table", List.of("Figure", "Baseline · " + name(left),
                right == null ? "Mitigated" : "Mitigated · " + name(right), "Good when"), rows));
        scroll.addClassNames(LumoUtility.Overflow.AUTO, LumoUtility.MaxWidth.FULL);
        Div section = new Div();
        section.setId("audit-section");
        section.addClassNames("dashboard-section", LumoUtility.Width.FULL, LumoUtility.Margin.Bottom.LARGE);
        Paragraph how = new Paragraph("The bias audit of the baseline model beside that of the mitigated model"
                + (right == null ? " (not audited yet)" : "") + ", on the same cue and split. Intervals are 95 %.");
        how.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Vertical.XSMALL);
        section.add(new H3("Bias audit, baseline vs mitigated"), how, scroll);
        return Optional.of(section);
    }

    private static String name(AuditRun run) {
        return run.method() + " (run " + run.runId() + ")";
    }

    private static List<String> row(String figure, AuditRun left, AuditRun right, Function<AuditResult, String> value,
                                    String good) {
        return List.of(figure, value.apply(left.result()), right == null ? "—" : value.apply(right.result()), good);
    }
}
