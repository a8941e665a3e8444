package com.spurlab.ui;

import com.spurlab.core.dataset.DatasetStatus;
import com.spurlab.core.dataset.DatasetVersionView;
import com.spurlab.core.dataset.ValidationReport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.Locale;

/**
 * A validation report a vendor can act on: the verdict in a sentence, then every problem in full (wrapped,
 * never cut off) with how many rows had it, the files that have it and what to change.
 */
class ValidationReportView extends Div {

    ValidationReportView(DatasetVersionView version) {
        setId("validation-report");
        setWidthFull();
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        ValidationReport report = version.report();
        boolean images = "image-folder".equals(report.format());
        String unit = images ? "images" : "rows";
        Paragraph verdict = new Paragraph(version.status() == DatasetStatus.REJECTED
                ? String.format(Locale.ROOT, "Rejected (%d %s read). Fix the problems below and upload the archive "
                        + "again under the same name: it takes this version's number.", report.rows(), unit)
                : String.format(Locale.ROOT, "Accepted: %d of %d %s.", report.accepted(), report.rows(), unit));
        verdict.setId("validation-verdict");
        verdict.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.Margin.NONE,
                version.status() == DatasetStatus.REJECTED ? LumoUtility.TextColor.ERROR : LumoUtility.TextColor.SUCCESS);
        Paragraph format = new Paragraph("Detected " + (report.format() == null ? "no known layout"
                : "the " + report.format() + " layout") + " in a " + (report.archive() == null ? "file that is not a "
                + "readable archive" : report.archive() + " archive") + ".");
        format.addClassNames(LumoUtility.Margin.NONE, LumoUtility.TextColor.SECONDARY);
        add(verdict, format);
        for (ValidationReport.Problem p : report.problems()) {
            add(problem(p, unit, report.format()));
        }
    }

    private static Div problem(ValidationReport.Problem p, String unit, String format) {
        Span severity = new Span(p.severity() == ValidationReport.Severity.ERROR ? "error" : "warning");
        severity.getElement().getThemeList().add(p.severity() == ValidationReport.Severity.ERROR ? "badge error"
                : "badge contrast");
        Span text = new Span(p.problem());
        text.addClassNames(LumoUtility.FontWeight.MEDIUM);
        Div head = new Div(severity, text);
        head.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.SMALL, LumoUtility.AlignItems.BASELINE,
                LumoUtility.FlexWrap.WRAP);
        Div card = new Div(head);
        // A problem of the whole archive (no line, once) has no row count to tell.
        if (p.count() > 1 || p.line() != null) {
            String where = p.line() == null ? "" : " (first at line " + p.line() + " of " + p.file() + ")";
            Span count = new Span(p.count() + " " + (p.count() == 1 ? unit.substring(0, unit.length() - 1) : unit)
                    + where);
            count.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
            card.add(count);
        }
        // The layout's name stands in for a file in some whole-archive problems: it is no file to look for.
        java.util.List<String> named = p.files() == null ? java.util.List.of()
                : p.files().stream().filter(f -> !f.equals(format)).toList();
        if (!named.isEmpty()) {
            UnorderedList files = new UnorderedList();
            files.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.Margin.Vertical.XSMALL, "problem-files");
            named.forEach(f -> files.add(new ListItem(f)));
            if (p.count() > named.size()) {
                files.add(new ListItem("… " + p.count() + " " + unit + " in all"));
            }
            card.add(files);
        }
        if (p.fix() != null) {
            Span fix = new Span("What to do: " + p.fix());
            fix.addClassNames(LumoUtility.FontSize.SMALL, "problem-fix");
            card.add(fix);
        }
        card.addClassNames("validation-problem", LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.Gap.XSMALL, LumoUtility.Padding.SMALL, LumoUtility.Border.ALL,
                LumoUtility.BorderColor.CONTRAST_10, LumoUtility.BorderRadius.MEDIUM);
        card.getStyle().set("overflow-wrap", "anywhere");
        return card;
    }
}
