package com.spurlab.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import com.spurlab.core.audit.AuditResults.AuditRun;
import com.spurlab.core.kpi.KpiPoint;
import com.spurlab.core.kpi.KpiStatus;
import com.spurlab.core.results.ConfirmedCue;
import com.spurlab.core.results.GroupEstimate;
import com.spurlab.core.results.PilotOverview;
import com.spurlab.core.results.PilotReport;
import com.spurlab.ui.Labels;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The pilot report as a PDF (OpenPDF): the verdict, the KPI table with what each KPI means, the per-group chart and
 * table of baseline vs mitigated, the KPI trend, the top cues and the audits side by side.
 */
final class PilotReportPdf {

    static final Font TITLE = new Font(Font.HELVETICA, 18, Font.BOLD);
    static final Font HEADING = new Font(Font.HELVETICA, 13, Font.BOLD);
    static final Font BODY = new Font(Font.HELVETICA, 9.5f);
    static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL, new Color(90, 90, 90));
    static final Font CELL = new Font(Font.HELVETICA, 8.5f);
    static final Font HEAD_CELL = new Font(Font.HELVETICA, 8.5f, Font.BOLD);
    private static final int TREND_ROWS = 30;

    private PilotReportPdf() {
    }

    static void write(PilotReport report, OutputStream out) throws IOException {
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle("Pilot report: " + report.projectName());
            document.addCreator("SpurLab");
            document.open();
            PilotOverview o = report.overview();
            document.add(new Paragraph(text("Pilot report: " + report.projectName()), TITLE));
            document.add(new Paragraph(text("Generated " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                    .withZone(ZoneOffset.UTC).format(report.generatedAt()) + " · test split · intervals are 95 %"),
                    SMALL));
            document.add(spaced(new Paragraph(text(PilotWords.verdict(o)), HEADING)));
            kpis(document, o);
            groups(document, writer, o);
            trend(document, o);
            cues(document, report.cues());
            audits(document, report);
            document.close();
        } catch (DocumentException e) {
            throw new IOException("the PDF report could not be written: " + e.getMessage(), e);
        }
    }

    private static void kpis(Document document, PilotOverview o) {
        heading(document, "KPIs against their targets");
        if (o.kpis().isEmpty()) {
            document.add(new Paragraph("No KPI targets are set for this project.", BODY));
            return;
        }
        PdfPTable table = table(new float[] {2.2f, 1f, 2f, 2f, 2f, 1.2f}, "KPI", "Target", "Baseline",
                "Best (by validation)", "Latest", "Status");
        for (KpiStatus k : o.kpis()) {
            KpiPoint judged = "best".equals(k.statusOf()) ? k.bestPoint() : k.latestPoint();
            cells(table, PilotWords.name(k.metric()), PilotWords.target(k), point(k.baselinePoint()),
                    point(k.bestPoint()), point(k.latestPoint()), judged == null ? "waiting" : switch (k.status()) {
                        case MET -> "met";
                        case NOT_MET -> "not met";
                        case UNCERTAIN -> "uncertain";
                    });
        }
        document.add(table);
        for (KpiStatus k : o.kpis()) {
            String change = PilotWords.change(k);
            document.add(new Paragraph(text(PilotWords.name(k.metric()) + ": " + PilotWords.verdict(k)
                    + (change == null ? "" : " " + change + ".") + " " + PilotWords.meaning(k.metric())), SMALL));
        }
    }

    private static void groups(Document document, PdfWriter writer, PilotOverview o) {
        heading(document, "Baseline vs mitigated, per group");
        if (o.baseline() == null && o.mitigated() == null) {
            document.add(new Paragraph(text(PilotWords.waiting(o)), BODY));
            return;
        }
        document.add(new Paragraph(text("Baseline: " + describe(o.baseline(), o) + ". Mitigated: "
                + describe(o.mitigated(), o) + (o.mitigatedIs() == null ? "" : " (" + o.mitigatedIs() + ")") + "."),
                BODY));
        Double target = o.kpis().stream().filter(k -> k.metric() == com.spurlab.core.kpi.KpiMetric.WORST_GROUP_ACCURACY)
                .findFirst().map(KpiStatus::target).orElse(null);
        GroupBarsPdf.draw(document, writer, o.baseline(), o.mitigated(), target);
        PdfPTable table = table(new float[] {2.4f, 2.2f, 2.2f}, "Group", "Baseline", "Mitigated");
        List<String> keys = GroupBarsPdf.groups(o.baseline(), o.mitigated());
        for (String key : keys) {
            cells(table, Labels.group(key), group(o.baseline(), key), group(o.mitigated(), key));
        }
        document.add(table);
    }

    private static void trend(Document document, PilotOverview o) {
        List<KpiStatus> withHistory = o.kpis().stream().filter(k -> !k.history().isEmpty()).toList();
        if (withHistory.isEmpty()) {
            return;
        }
        KpiStatus k = withHistory.get(0);
        heading(document, "Trend: " + PilotWords.name(k.metric()) + " over the compared evaluations");
        List<KpiPoint> history = k.history();
        List<KpiPoint> shown = history.subList(Math.max(0, history.size() - TREND_ROWS), history.size());
        if (shown.size() < history.size()) {
            document.add(new Paragraph("The newest " + shown.size() + " of " + history.size() + " evaluations.",
                    SMALL));
        }
        PdfPTable table = table(new float[] {1f, 1.4f, 2f, 2.4f, 1.2f}, "Run", "Method", "Dataset version",
                PilotWords.name(k.metric()), "Status");
        for (KpiPoint p : shown) {
            cells(table, String.valueOf(p.evaluationRunId()), Labels.choice(p.method()),
                    o.versionLabel(p.datasetVersionId()), Labels.percentWithInterval(p.value(), p.ciLow(), p.ciHigh()),
                    p.status().name().toLowerCase(Locale.ROOT)
                            .replace('_', ' '));
        }
        document.add(table);
    }

    private static void cues(Document document, List<ConfirmedCue> cues) {
        heading(document, "Top cues the model leans on");
        if (cues.isEmpty()) {
            document.add(new Paragraph("No cue extraction or edit has run yet.", BODY));
            return;
        }
        document.add(new Paragraph("Lift: how many times more often the model errs on images with the cue. Flip rate: "
                + "share of correct predictions that changed when only the cue was edited out (control: the same area "
                + "edited, cue kept). Confirmed: the model relies on the cue.", SMALL));
        PdfPTable table = table(new float[] {2.4f, 1.2f, 1f, 2.4f, 1.1f, 1.5f}, "Cue", "Kind", "Lift",
                "Flip rate", "Control", "Verdict");
        for (ConfirmedCue c : cues) {
            cells(table, c.cue(), c.kind().toLowerCase(Locale.ROOT), c.lift() == null ? "—"
                    : String.format(Locale.ROOT, "%.2f×", c.lift()),
                    Labels.percentWithInterval(c.flipRate(), c.flipCiLow(), c.flipCiHigh()),
                    Labels.percent(c.controlFlipRate()), c.confirmed() == null ? "not tested"
                            : c.confirmed() ? "confirmed" : "not confirmed");
        }
        document.add(table);
    }

    private static void audits(Document document, PilotReport report) {
        heading(document, "Bias audit, baseline vs mitigated");
        AuditRun left = report.audits().baseline();
        AuditRun right = report.audits().mitigated();
        if (left == null) {
            document.add(new Paragraph("No audit has run yet.", BODY));
            return;
        }
        PdfPTable table = table(new float[] {2.4f, 2.2f, 2.2f}, "Figure", "Baseline · " + left.method(),
                right == null ? "Mitigated (not audited)" : "Mitigated · " + right.method());
        List<ReportRows.Row> rows = ReportRows.of(report);
        for (ReportRows.Row row : rows) {
            if (!row.section().equals("audit") || !row.model().equals("baseline")) {
                continue;
            }
            ReportRows.Row other = rows.stream().filter(r -> r.section().equals("audit")
                    && r.model().equals("mitigated") && r.name().equals(row.name())).findFirst().orElse(null);
            cells(table, row.name().replace('_', ' '), figure(row), other == null ? "—" : figure(other));
        }
        document.add(table);
        for (AuditRun run : right == null ? List.of(left) : List.of(left, right)) {
            run.result().findings().stream().limit(4).forEach(f -> document.add(new Paragraph(text(run.method() + " · "
                    + f.severity() + ": " + f.text()), SMALL)));
        }
    }

    private static String figure(ReportRows.Row r) {
        if (r.value() == null) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.3f", r.value()) + (r.ciLow() == null || r.ciHigh() == null ? ""
                : String.format(Locale.ROOT, " (%.3f – %.3f)", r.ciLow(), r.ciHigh()));
    }

    private static String describe(PilotOverview.Evaluation e, PilotOverview o) {
        return e == null ? "none yet" : Labels.choice(e.run().method()) + ", evaluation run " + e.run().evaluationRunId()
                + " on " + o.versionLabel(e.run().datasetVersionId());
    }

    private static String group(PilotOverview.Evaluation e, String key) {
        if (e == null) {
            return "—";
        }
        return e.groups().stream().filter(g -> g.group().equals(key)).findFirst().map(PilotReportPdf::estimate)
                .orElse("—");
    }

    private static String estimate(GroupEstimate g) {
        return Labels.percentWithInterval(g.accuracy(), g.low(), g.high()) + " · n " + g.n()
                + (g.tooSmall() ? " (too small)" : "");
    }

    private static String point(KpiPoint p) {
        return p == null ? "—" : Labels.percentWithInterval(p.value(), p.ciLow(), p.ciHigh()) + " · "
                + Labels.choice(p.method());
    }

    private static void heading(Document document, String title) {
        document.add(spaced(new Paragraph(text(title), HEADING)));
    }

    private static Paragraph spaced(Paragraph p) {
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        return p;
    }

    private static PdfPTable table(float[] widths, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(6);
        table.setHeaderRows(1);
        for (String h : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(text(h), HEAD_CELL));
            cell.setBackgroundColor(new Color(235, 238, 242));
            cell.setPadding(3);
            table.addCell(cell);
        }
        return table;
    }

    private static void cells(PdfPTable table, String... values) {
        for (String v : values) {
            PdfPCell cell = new PdfPCell(new Phrase(text(v), CELL));
            cell.setPadding(3);
            cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
            table.addCell(cell);
        }
    }

    /**
     * The built-in Helvetica writes WinAnsi only (nothing to embed, nothing to find on the server): signs outside it
     * are spelled out.
     */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("≥", ">=").replace("≤", "<=").replace("−", "-").replace("\u2009", " ")
                .replace("≈", "~");
    }
}
