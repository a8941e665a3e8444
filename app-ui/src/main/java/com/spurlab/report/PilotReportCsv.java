package com.spurlab.report;

import com.spurlab.core.results.PilotReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's figures as CSV (RFC 4180), one row per KPI point, group, cue and audit figure ({@link ReportRows}). */
final class PilotReportCsv {

    private PilotReportCsv() {
    }

    static void write(PilotReport report, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        line(w, ReportRows.COLUMNS);
        for (ReportRows.Row r : ReportRows.of(report)) {
            List<String> cells = new ArrayList<>();
            cells.add(text(r.section()));
            cells.add(text(r.name()));
            cells.add(text(r.model()));
            cells.add(text(r.method()));
            cells.add(r.evaluationRun() == null ? "" : r.evaluationRun().toString());
            cells.add(number(r.value()));
            cells.add(number(r.ciLow()));
            cells.add(number(r.ciHigh()));
            cells.add(r.n() == null ? "" : r.n().toString());
            cells.add(text(r.target()));
            cells.add(text(r.status()));
            cells.add(text(r.note()));
            line(w, cells);
        }
        w.flush();
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        List<String> quoted = cells.stream().map(PilotReportCsv::quote).toList();
        w.write(String.join(",", quoted));
        w.write("\r\n");
    }

    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /** Text from the data (cue names, notes): a leading = + - @ would be a formula in a spreadsheet, so it is quoted. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String number(Double value) {
        return value == null || value.isNaN() ? "" : String.format(Locale.ROOT, "%.6f", value)
                .replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
