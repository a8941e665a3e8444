package com.spurlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's PDF and CSV written from a report in memory: what a reader finds in them. */
class PilotReportFilesTest {

    @Test
    void csvQuotesCommasAndDisarmsSpreadsheetFormulas() throws Exception {
        var report = SampleReport.of(List.of(SampleReport.cue("=HYPERLINK(\"x\")", true),
                SampleReport.cue("keyword:a,b", null)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PilotReportCsv.write(report, out);
        List<String> lines = List.of(out.toString(StandardCharsets.UTF_8).split("\r\n"));

        assertThat(lines).contains("cue,\"'=HYPERLINK(\"\"x\"\")\",t-shirt,ATTRIBUTE,21,0.62,0.5,0.72,120,,CONFIRMED,"
                + "flip rate; lift 3.50; control flip rate 0.030");
        assertThat(lines).anyMatch(l -> l.startsWith("cue,\"keyword:a,b\",t-shirt,ATTRIBUTE,,,,,120,,NOT_TESTED,"));
        // One row per point of each KPI, per group of each model, per trend point.
        assertThat(lines.stream().filter(l -> l.startsWith("kpi,"))).hasSize(6);
        assertThat(lines.stream().filter(l -> l.startsWith("group,"))).hasSize(8);
        assertThat(lines.stream().filter(l -> l.startsWith("trend,"))).hasSize(4);
        assertThat(lines).contains("kpi,WORST_GROUP_ACCURACY,baseline,ERM,11,0.3,0.1,0.5,10,>= 0.85,NOT_MET,"
                + "rests on a group of fewer than 20 images");
        assertThat(lines).contains("group,t-shirt|cool,mitigated,GROUP_DRO,14,0.9,0.59585,0.982124,10,,,"
                + "fewer than 20 images: too small to trust");
    }

    @Test
    void pdfNamesTheVerdictKpisGroupsAndCues() throws Exception {
        var report = SampleReport.of(List.of(SampleReport.cue("attribute:background", true)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PilotReportPdf.write(report, out);
        byte[] pdf = out.toByteArray();
        // Kept for people to look at (render a page to PNG to see the chart).
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "pilot-report-sample.pdf"), pdf);

        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        reader.close();
        assertThat(text.toString()).contains("Pilot report: Sample pilot", "Did the pilot work? Not yet: 0 of 2 KPIs met, "
                + "2 uncertain.", "Worst-group accuracy", "Accuracy gap", ">= 85.0 %", "<= 5.0 %", "T-shirt · cool",
                "90.0 % (59.6 – 98.2 %) · n 10 (too small)", "attribute:background", "confirmed",
                "62.0 % (50.0 – 72.0 %)", "No audit has run yet.");
    }
}
