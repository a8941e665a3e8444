package com.spurlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Cues tab in headless Chromium: a lead and an executive read the ranked cues of an extraction on the tiny demo
 * (attribute, caption keyword and slice sources; no OCR or saliency, to stay quick) with the stored figures, their
 * evidence images and the kind filter; a vendor has no Cues tab.
 */
class CuesBrowserIT extends BrowserITSupport {

    private static long project;
    private static JsonNode stored;

    @BeforeEach
    void extraction() {
        if (project != 0) {
            return;
        }
        project = createProject("lead", "cues browser", "executive", "vendor");
        long dataset = upload("lead", project, "background", tinyArchive()).getBody().get("id").asLong();
        await(() -> get("lead", "/api/v1/datasets/" + dataset).getBody(), v -> v.get("status").asText().equals("READY"),
                Duration.ofMinutes(2));
        long experiment = post("lead", "/api/v1/projects/" + project + "/experiments", Map.of(
                "datasetVersionId", dataset, "steps", List.of(
                        Map.of("type", "TRAIN", "params", Map.of("epochs", 2, "imageSize", 32, "learningRate", 0.003)),
                        Map.of("type", "EXTRACT", "params", Map.of("split", "TEST",
                                "sources", "attributes,keywords,slices"))))).getBody().get("id").asLong();
        JsonNode done = await(() -> get("lead", "/api/v1/experiments/" + experiment).getBody(),
                e -> List.of("SUCCEEDED", "FAILED").contains(e.get("status").asText()), Duration.ofMinutes(5));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        stored = get("lead", "/api/v1/runs/" + done.at("/jobs/1/runId").asLong() + "/cues").getBody();
    }

    @Test
    void leadReadsTheStoredRankingWithEvidenceAndFiltersByKind() {
        new LoginPage(driver, baseUrl()).signIn("lead", PASSWORD);
        CuesPage cues = new CuesPage(driver).open(new ProjectPage(driver).open(baseUrl(), project));

        List<CuesPage.Row> rows = cues.visibleRows();
        assertThat(rows).hasSize(stored.get("cues").size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode c = stored.get("cues").get(i);
            CuesPage.Row row = rows.get(i);
            assertThat(row.rank()).isEqualTo(i + 1);
            assertThat(row.cue()).isEqualTo(c.get("cue").asText());
            assertThat(row.kind()).isEqualTo(c.get("kind").asText());
            assertThat(row.lift()).isCloseTo(c.get("lift").asDouble(), within(1e-4));
            assertThat(row.ciLow()).isCloseTo(c.get("ciLow").asDouble(), within(1e-4));
            assertThat(row.ciHigh()).isCloseTo(c.get("ciHigh").asDouble(), within(1e-4));
            assertThat(row.evidence()).containsExactlyElementsOf(texts(c.get("evidence")));
        }
        assertThat(rows.get(0).evidence()).isNotEmpty();
        // Thumbnails of the 32 px images, served and decoded (never enlarged past the original).
        assertThat(cues.firstRowEvidenceLoaded(Duration.ofSeconds(30))).allSatisfy(w -> assertThat(w).isEqualTo(32L));
        assertThat(cues.summary()).contains("Split test, 80 images").contains("ATTRIBUTES, KEYWORDS, SLICES");
        assertThat(rows).anySatisfy(r -> assertThat(r.kind()).isEqualTo("ATTRIBUTE"));
        Browser.screenshot(driver, "cues-lead");

        cues.toggleKind("ATTRIBUTE");
        List<CuesPage.Row> filtered = cues.visibleRows();
        assertThat(filtered).isNotEmpty().noneSatisfy(r -> assertThat(r.kind()).isEqualTo("ATTRIBUTE"));
        assertThat(filtered).hasSize((int) rows.stream().filter(r -> !r.kind().equals("ATTRIBUTE")).count());
        Browser.screenshot(driver, "cues-lead-filtered");

        JsonNode slices = stored.get("slices");
        assertThat(cues.slices()).hasSize(slices.size());
        List<String> shown = cues.slices();
        for (int i = 0; i < slices.size(); i++) {
            JsonNode s = slices.get(i);
            assertThat(shown.get(i)).startsWith(s.get("cue").asText() + ": " + s.get("members").asInt() + " images")
                    .contains(s.get("describedBy").isEmpty() ? "no attribute, keyword or printed word"
                            : "over-represented: " + String.join(", ", texts(s.get("describedBy"))));
        }
    }

    @Test
    void executiveReadsTheCuesWithTheirImagesAndAVendorHasNoCuesTab() {
        new LoginPage(driver, baseUrl()).signIn("executive", PASSWORD);
        ProjectPage project = new ProjectPage(driver).open(baseUrl(), CuesBrowserIT.project);
        assertThat(project.tabs()).contains("Cues");
        CuesPage cues = new CuesPage(driver).open(project);
        assertThat(cues.visibleRows().get(0).cue()).isEqualTo(stored.at("/cues/0/cue").asText());
        assertThat(cues.firstRowEvidenceLoaded(Duration.ofSeconds(30))).isNotEmpty();
        Browser.screenshot(driver, "cues-executive");

        driver.manage().deleteAllCookies();
        new LoginPage(driver, baseUrl()).signIn("vendor", PASSWORD);
        assertThat(new ProjectPage(driver).open(baseUrl(), CuesBrowserIT.project).tabs()).containsExactly("Datasets");
        Browser.screenshot(driver, "cues-vendor");
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
