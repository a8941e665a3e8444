package com.spurlab.ui.audit;

import com.spurlab.core.audit.AuditResult;
import com.spurlab.ui.Labels;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;

/** How the Audit tab writes a figure (a dash where it does not exist) and lays out its tables. */
final class Figures {

    private Figures() {
    }

    static String percent(Double value) {
        return Labels.percent(value);
    }

    static String percent(Double value, Double low, Double high) {
        return value == null ? "—" : percent(value) + " [" + percent(low) + ", " + percent(high) + "]";
    }

    static String gap(Double value, AuditResult.Gap gap) {
        return percent(value, gap.ciLow(), gap.ciHigh());
    }

    static String share(AuditResult.Share s) {
        if (s == null || s.value() == null) {
            return "—";
        }
        return percent(s.value(), s.ciLow(), s.ciHigh()) + " (n=" + s.n() + (s.tooSmall() ? ", too small" : "") + ")";
    }

    static String number(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String number(Double value, Double low, Double high) {
        return value == null ? "—" : number(value) + " [" + number(low) + ", " + number(high) + "]";
    }

    static String pValue(Double p) {
        return p == null ? "—" : p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    static String effect(AuditResult.Association a) {
        return a == null ? "—" : "d = " + number(a.effectSize(), a.effectSizeCiLow(), a.effectSizeCiHigh())
                + ", p " + (a.pValue() != null && a.pValue() < 0.001 ? "" : "= ") + pValue(a.pValue());
    }

    /** A table with a header row and rows of text; its id lets tests and readers find it. */
    static NativeTable table(String id, List<String> headers, List<List<String>> rows) {
        NativeTableRow head = new NativeTableRow();
        headers.forEach(h -> head.add(cell(new NativeTableHeaderCell(h))));
        NativeTableBody body = new NativeTableBody();
        for (List<String> row : rows) {
            NativeTableRow tr = new NativeTableRow();
            row.forEach(v -> tr.add(cell(new NativeTableCell(v))));
            body.add(tr);
        }
        NativeTable table = new NativeTable(new NativeTableHeader(head), body);
        table.setId(id);
        table.getStyle().set("border-collapse", "collapse").set("margin-bottom", "var(--lumo-space-m)")
                .set("font-size", "var(--lumo-font-size-s)");
        return table;
    }

    private static <C extends Component> C cell(C cell) {
        cell.getStyle().set("padding", "var(--lumo-space-xs) var(--lumo-space-m)").set("text-align", "left")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("vertical-align", "top");
        return cell;
    }

    /** A finding's severity as a Lumo badge: CONCERN red, NOTE neutral, OK green. */
    static Span badge(String severity) {
        Span badge = new Span(severity);
        badge.getElement().getThemeList().add(switch (severity) {
            case "CONCERN" -> "badge error";
            case "OK" -> "badge success";
            default -> "badge contrast";
        });
        return badge;
    }
}
