package com.spurlab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.spurlab.results.SimulatedRuns;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The pilot report: a PDF people read and a CSV of every figure, for executives and leads only. */
class ReportApiIT extends AppITSupport {

    private static Long project;
    private static JsonNode kpis;

    /** One evaluated pilot for the class (the context and its database are shared): an ERM baseline, a GroupDRO run. */
    @BeforeEach
    void evaluatedPilot() {
        if (project != null) {
            return;
        }
        project = createProject("lead", "report pilot " + System.nanoTime(), "executive", "vendor");
        target("lead", project, "WORST_GROUP_ACCURACY", 0.85);
        target("lead", project, "ACCURACY_GAP", 0.05);
        long version = ready("lead", upload("lead", project, "fashion-cue", tinyArchive()));
        new SimulatedRuns(api("lead")).evaluate(project, version, List.of(
                new SimulatedRuns.Plan("baseline", "ERM", 2, 0.9, 0.4, 1),
                new SimulatedRuns.Plan("mitigation", "GROUP_DRO", 2, 0.95, 0.02, 2)), Duration.ofMinutes(3));
        kpis = get("executive", "/api/v1/projects/" + project + "/kpis").getBody();
    }

    @Test
    void pdfHoldsTheKpisAndGroupsOfBaselineAndMitigatedModel() throws Exception {
        ResponseEntity<byte[]> pdf = download("executive", "pdf");

        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(pdf.getHeaders().getContentDisposition().getFilename()).isEqualTo("pilot-report-project-" + project
                + ".pdf");
        assertThat(new String(pdf.getBody(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf.getBody());
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        reader.close();
        String all = text.toString();
        assertThat(all).contains("Worst-group accuracy", "Accuracy gap", "Baseline vs mitigated, per group",
                "Top cues", "Bias audit");
        // The baseline's worst-group figure as the KPI API states it, and the mitigated model's method.
        JsonNode wga = kpi("WORST_GROUP_ACCURACY");
        assertThat(all).contains(String.format(java.util.Locale.ROOT, "%.1f %%", 100 * wga.get("baseline").asDouble()));
        assertThat(all).contains("Mitigated: GroupDRO");
    }

    @Test
    void csvHasOneRowPerKpiPointAndGroup() {
        ResponseEntity<byte[]> csv = download("lead", "csv");

        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<String> lines = Arrays.asList(new String(csv.getBody(), StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("section,name,model,method,evaluation_run,value,ci_low,ci_high,n,target,"
                + "status,note");
        List<String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(12));
        // Three points per KPI (baseline, best by validation, latest), with the API's figures.
        assertThat(rows.stream().filter(r -> r[0].equals("kpi"))).hasSize(6);
        String[] baseline = rows.stream().filter(r -> r[0].equals("kpi") && r[1].equals("WORST_GROUP_ACCURACY")
                && r[2].equals("baseline")).findFirst().orElseThrow();
        JsonNode wga = kpi("WORST_GROUP_ACCURACY");
        assertThat(baseline[3]).isEqualTo("ERM");
        assertThat(Double.parseDouble(baseline[5])).isCloseTo(wga.get("baseline").asDouble(),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(baseline[9]).isEqualTo(">= 0.85");
        String[] best = rows.stream().filter(r -> r[0].equals("kpi") && r[1].equals("WORST_GROUP_ACCURACY")
                && r[2].equals("best by validation")).findFirst().orElseThrow();
        assertThat(best[3]).isEqualTo("GROUP_DRO");
        assertThat(best[10]).isEqualTo(wga.get("status").asText());
        // Every test group of both models, with its count.
        long evaluation = wga.at("/bestPoint/evaluationRunId").asLong();
        JsonNode groups = get("lead", "/api/v1/runs/" + evaluation + "/metrics").getBody().get("groups");
        List<String[]> mitigated = rows.stream().filter(r -> r[0].equals("group") && r[2].equals("mitigated")).toList();
        assertThat(mitigated).hasSize(groups.size());
        assertThat(rows.stream().filter(r -> r[0].equals("group") && r[2].equals("baseline"))).hasSize(groups.size());
        for (JsonNode g : groups) {
            assertThat(mitigated).anySatisfy(r -> {
                assertThat(r[1]).isEqualTo(g.get("group").asText());
                assertThat(r[8]).isEqualTo(g.get("n").asText());
            });
        }
        assertThat(rows.stream().filter(r -> r[0].equals("trend") && r[1].equals("WORST_GROUP_ACCURACY"))).hasSize(2);
    }

    @Test
    void vendorsNonMembersAndUnknownFormatsAreRefused() {
        ResponseEntity<JsonNode> vendor = get("vendor", "/api/v1/projects/" + project + "/report?format=pdf");
        assertThat(vendor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(vendor.getBody().get("error").asText()).isEqualTo("forbidden");
        assertThat(get("lead2", "/api/v1/projects/" + project + "/report?format=csv").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> docx = get("executive", "/api/v1/projects/" + project + "/report?format=docx");
        assertThat(docx.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(docx.getBody().get("error").asText()).isEqualTo("unknown_format");
        assertThat(docx.getBody().get("message").asText()).contains("pdf").contains("csv").contains("docx");
    }

    private ResponseEntity<byte[]> download(String user, String format) {
        return api(user).get().uri("/api/v1/projects/{id}/report?format={f}", project, format).retrieve()
                .toEntity(byte[].class);
    }

    private JsonNode kpi(String metric) {
        for (JsonNode k : kpis) {
            if (k.get("metric").asText().equals(metric)) {
                return k;
            }
        }
        throw new AssertionError("no KPI " + metric + " in " + kpis);
    }
}
