package com.spurlab.ui.audit;

import static com.spurlab.ui.audit.Figures.number;
import static com.spurlab.ui.audit.Figures.percent;
import static com.spurlab.ui.audit.Figures.share;

import com.spurlab.core.audit.AuditResult;
import com.spurlab.core.audit.AuditResults;
import com.spurlab.ui.Labels;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One audit: its findings, each figure with its interval, and how its concept sets were built. */
class AuditReportView extends Div {

    AuditReportView(AuditResults.AuditRun run) {
        AuditResult r = run.result();
        setId("audit-report");
        getElement().setAttribute("data-run-id", String.valueOf(run.runId()));
        add(new Paragraph(String.format(Locale.ROOT, "Run %d: %s model (training run %s), cue %s on the %s split, "
                + "%d images.", run.runId(), run.method(), run.modelRunId(), r.cue(), r.split(), r.n())));
        add(new H4("Findings"), findings(r.findings(), "audit-findings"));
        add(new H4("Embedding association tests"), associations(r.eat()));
        add(new H4("Group gaps"), gaps(r.gaps()), groups(r.gaps()));
        add(new H4("Counterfactual consistency"), consistency(r));
        add(new H4("ODmAP@k (retrieval with the cue edited out)"), odmap(r));
        add(new H4("How the concept sets were built"), construction(r));
    }

    static Div findings(List<AuditResult.Finding> findings, String id) {
        Div list = new Div();
        list.setId(id);
        for (AuditResult.Finding f : findings) {
            Span text = new Span(f.text());
            Div item = new Div(Figures.badge(f.severity()), text);
            item.addClassName("audit-finding");
            item.getElement().setAttribute("data-severity", f.severity());
            item.getElement().setAttribute("data-metric", f.metric());
            item.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "baseline")
                    .set("margin-bottom", "var(--lumo-space-xs)");
            list.add(item);
        }
        if (findings.isEmpty()) {
            list.add(new Span("No finding."));
        }
        return list;
    }

    private static Div associations(List<AuditResult.Association> eat) {
        if (eat.isEmpty()) {
            return note("No association test ran (see the notes below).");
        }
        List<List<String>> rows = new ArrayList<>();
        for (AuditResult.Association a : eat) {
            rows.add(List.of(a.design().equals(AuditResult.CUE_CONTRAST) ? "cue contrast (whole images)"
                            : "isolated concepts (edited apart)", a.target(), a.attribute(),
                    number(a.effectSize(), a.effectSizeCiLow(), a.effectSizeCiHigh()), Figures.pValue(a.pValue()),
                    String.valueOf(a.n()), a.exact() ? "exact, " + a.partitions() + " partitions"
                            : a.partitions() + " random partitions",
                    a.approximate() ? "approximation" : "as designed"));
        }
        return new Div(Figures.table("audit-eat", List.of("Design", "Targets X vs Y", "Attributes A vs B",
                "Effect size d [95 % CI]", "p (one-sided)", "n", "Permutations", "Concept sets"), rows));
    }

    private static Div gaps(AuditResult.Gaps g) {
        AuditResult.GapIntervals i = g.intervals();
        List<List<String>> rows = List.of(
                List.of("accuracy − worst-group accuracy", Figures.gap(g.accuracy(), i.accuracy()), where(i.accuracy()),
                        small(i.accuracy())),
                List.of("TPR gap (largest, one class across cue values)", Figures.gap(g.tpr(), i.tpr()), where(i.tpr()),
                        small(i.tpr())),
                List.of("FPR gap (largest, one class across cue values)", Figures.gap(g.fpr(), i.fpr()), where(i.fpr()),
                        small(i.fpr())));
        Div out = new Div(new Paragraph("Accuracy " + share(g.overall()) + " · worst-group accuracy "
                + percent(g.worstGroupAccuracy()) + " (" + Labels.group(g.worstGroup()) + ") · intervals from "
                + g.resamples() + " bootstrap resamples within groups"),
                Figures.table("audit-gaps", List.of("Gap", "Value [95 % CI]", "Between", "Sample size"), rows));
        return out;
    }

    private static String where(AuditResult.Gap gap) {
        if (gap.higher() == null) {
            return "—";
        }
        return gap.label() == null ? "all vs " + Labels.group(gap.lower())
                : gap.label() + ": " + gap.higher() + " vs " + gap.lower();
    }

    private static String small(AuditResult.Gap gap) {
        return gap.tooSmall() ? "too small to trust (n < 20)" : "n ≥ 20 on both sides";
    }

    private static Div groups(AuditResult.Gaps g) {
        return new Div(new H4("Accuracy per group"), AuditCharts.groupAccuracy(g),
                new H4("True- and false-positive rates per class and cue value"), AuditCharts.rates(g));
    }

    private static Div consistency(AuditResult r) {
        AuditResult.Consistency c = r.consistency();
        if (c == null) {
            return note("No EDIT run was given: counterfactual consistency needs edited images.");
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("all pairs", share(c.overall()), share(c.control())));
        c.groups().forEach(g -> rows.add(List.of(Labels.group(g.group()), share(g.consistency()), share(g.control()))));
        return new Div(new Paragraph("Edit: " + r.editOperation() + " (EDIT run " + r.editRunId() + "); lowest group: "
                + Labels.group(c.lowestGroup())), finding(r, "consistency"), Figures.table("audit-consistency",
                List.of("Pairs", "Prediction unchanged [95 % CI]", "Control edit"), rows), AuditCharts.consistency(c));
    }

    private static Div odmap(AuditResult r) {
        AuditResult.Odmap o = r.odmap();
        if (o == null) {
            return note("No EDIT run was given: ODmAP@k needs images with the cue edited out.");
        }
        AuditResult.OdmapIntervals i = o.intervals();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("all queries (" + o.queries() + ", " + o.skipped() + " skipped)",
                number(o.original(), i.original().ciLow(), i.original().ciHigh()),
                number(o.edited(), i.edited().ciLow(), i.edited().ciHigh()),
                number(o.drop(), i.drop().ciLow(), i.drop().ciHigh())));
        o.groups().forEach(g -> rows.add(List.of(Labels.group(g.group()) + " (" + g.queries() + " queries"
                + (g.tooSmall() ? ", too small" : "") + ")", number(g.original()), number(g.edited()),
                g.original() == null || g.edited() == null ? "—" : number(g.original() - g.edited()))));
        return new Div(finding(r, "odmap"), Figures.table("audit-odmap", List.of("Queries",
                "mAP@" + o.k() + " original [95 % CI]", "mAP@" + o.k() + " cue edited out", "Drop (paired)"), rows),
                AuditCharts.retrieval(o));
    }

    /** The finding on one figure, again beside its table: what the numbers mean in words. */
    private static Div finding(AuditResult r, String metric) {
        return findings(r.findings().stream().filter(f -> f.metric().equals(metric)).toList(), "audit-" + metric
                + "-finding");
    }

    private static Div construction(AuditResult r) {
        Div out = new Div();
        out.setId("audit-construction");
        for (AuditResult.Association a : r.eat()) {
            out.add(new Paragraph(a.target() + " / " + a.attribute() + " (" + a.design() + ")"), lines(a.construction()));
        }
        if (!r.approximations().isEmpty()) {
            out.add(new Paragraph("Approximations:"), lines(r.approximations()));
        }
        if (!r.notes().isEmpty()) {
            Div notes = new Div(new Paragraph("Notes:"), lines(r.notes()));
            notes.setId("audit-notes");
            out.add(notes);
        }
        return out;
    }

    private static UnorderedList lines(List<String> lines) {
        UnorderedList list = new UnorderedList();
        lines.forEach(l -> list.add(new ListItem(l)));
        list.getStyle().set("font-size", "var(--lumo-font-size-s)").set("margin-top", "0");
        return list;
    }

    private static Div note(String text) {
        Div note = new Div(new Span(text));
        note.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return note;
    }
}
