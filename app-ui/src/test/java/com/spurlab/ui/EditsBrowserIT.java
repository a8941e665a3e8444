package com.spurlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.inference.cueset.CueSetGenerator;
import com.spurlab.inference.cueset.CueSetPreset;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The Edits tab in Chromium: an ERM model of a generated cue set is trained and its background cue edited through the
 * API; a lead and an executive see the stored verdict, the flip rate against the control per group as a chart, the
 * before/after pairs with their images and predictions, filtered by group and by flip; the lead sees the edited
 * version under Datasets with its provenance; a vendor of the project has no Edits tab.
 */
class EditsBrowserIT extends BrowserITSupport {

    private static long project;
    private static long source;
    private static long editRun;

    @BeforeEach
    void anEditRun() throws IOException {
        if (project != 0) {
            return;
        }
        Path zip = dataFolder().resolveSibling(dataFolder().getFileName() + "-edits-browser.zip");
        CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, zip, CueSetPreset.BACKGROUND_MASKS.tiny());
        project = createProject("lead", "edits browser " + System.nanoTime(), "executive", "vendor");
        source = ready("lead", upload("lead", project, "sandals-sneakers", zip));
        long experiment = post("lead", "/api/v1/projects/" + project + "/experiments", Map.of("datasetVersionId",
                source, "steps", List.of(
                        Map.of("type", "TRAIN", "params", Map.of("epochs", 1, "imageSize", 32)),
                        Map.of("type", "EDIT")))).getBody().get("id").asLong();
        JsonNode done = succeeded("lead", experiment, Duration.ofMinutes(4));
        editRun = done.at("/jobs/1/runId").asLong();
    }

    @Test
    void leadAndExecutiveSeeTheVerdictTheChartAndThePairsAsStored() {
        JsonNode stored = get("lead", "/api/v1/runs/" + editRun + "/edits").getBody();
        for (String user : List.of("lead", "executive")) {
            driver.manage().deleteAllCookies();
            new LoginPage(driver, baseUrl()).signIn(user, PASSWORD);
            assertThat(new ProjectPage(driver).open(baseUrl(), project).tabs()).contains("Edits");
            EditsPage edits = new EditsPage(driver).open();
            assertThat(edits.shownRunId()).isEqualTo(editRun);
            assertThat(edits.verdict()).isEqualTo(stored.get("verdict").asText());
            assertThat(edits.badge()).isEqualTo(stored.get("confirmed").asBoolean() ? "confirmed" : "not confirmed");

            Chart chart = Chart.await(driver, "flip-rates", Duration.ofSeconds(30));
            List<String> categories = new ArrayList<>(List.of("All images"));
            stored.get("groups").forEach(g -> categories.add(Labels.group(g.get("group").asText())));
            assertThat(chart.categories()).isEqualTo(categories);
            assertThat(chart.liveSeriesNames()).contains("cue edited", "control edit (same pixels, cue kept)");
            Browser.screenshot(driver, user + "-edits");

            // The first page: the stored pairs in order, both images of each loaded, both predictions, the badge.
            List<EditsPage.PairCard> cards = edits.pairs();
            assertThat(cards).hasSize(24);
            assertThat(edits.loadedImages("original")).isEqualTo(24);
            assertThat(edits.loadedImages("edited")).isEqualTo(24);
            for (int i = 0; i < cards.size(); i++) {
                JsonNode p = stored.get("pairs").get(i);
                EditsPage.PairCard card = cards.get(i);
                assertThat(card.original()).isEqualTo(p.get("originalSampleId").asLong());
                assertThat(card.edited()).isEqualTo(p.get("editedSampleId").asLong());
                assertThat(card.flipped()).isEqualTo(p.get("flipped").asBoolean()).isEqualTo(card.badge());
                assertThat(card.before()).isEqualTo("before: " + p.get("predictedBefore").asText());
                assertThat(card.after()).isEqualTo("after: " + p.get("predictedAfter").asText());
            }
            edits.scrollTo("edit-pairs");
            Browser.screenshot(driver, user + "-edits-pairs");

            String group = stored.at("/groups/0/group").asText();
            edits.filter("pair-group", Labels.group(group));
            assertThat(edits.pairsTotal()).isEqualTo(stored.at("/groups/0/n").asInt());
            assertThat(edits.pairs()).isNotEmpty().allSatisfy(c -> assertThat(c.group()).isEqualTo(group));
            edits.filter("pair-flipped", "Not flipped only");
            int kept = get(user, "/api/v1/runs/" + editRun + "/edits?flipped=false&group=" + group).getBody()
                    .get("pairsTotal").asInt();
            assertThat(edits.pairsTotal()).isEqualTo(kept);
            assertThat(edits.pairs()).allSatisfy(c -> assertThat(c.flipped()).isFalse());
            edits.filter("pair-flipped", "Flipped only");
            assertThat(edits.pairs()).allSatisfy(c -> assertThat(c.flipped()).isTrue().isEqualTo(c.badge()));
            assertThat(edits.pairsTotal()).isEqualTo(stored.at("/groups/0/n").asInt() - kept);
            edits.scrollTo("edit-pairs");
            Browser.screenshot(driver, user + "-edits-flipped");
        }
    }

    @Test
    void theLeadSeesTheEditedVersionUnderDatasetsWithItsProvenance() {
        long edited = get("lead", "/api/v1/runs/" + editRun + "/edits").getBody().get("datasetVersionId").asLong();
        JsonNode version = get("lead", "/api/v1/datasets/" + edited).getBody();
        new LoginPage(driver, baseUrl()).signIn("lead", PASSWORD);
        new ProjectPage(driver).open(baseUrl(), project).tab("Datasets");
        String label = version.get("name").asText() + " v" + version.get("version").asInt();
        new DatasetsTab(driver).select(label);
        assertThat(driver.findElements(By.cssSelector("#datasets vaadin-grid-cell-content")).stream()
                .map(e -> e.getText().strip()).toList())
                .contains("derived from sandals-sneakers v1 by EDIT (run " + editRun + ")");
        Browser.screenshot(driver, "lead-edited-version");
    }

    @Test
    void aVendorOfTheProjectHasNoEditsTab() {
        new LoginPage(driver, baseUrl()).signIn("vendor", PASSWORD);
        assertThat(new ProjectPage(driver).open(baseUrl(), project).tabs()).containsExactly("Datasets");
        Browser.screenshot(driver, "vendor-no-edits");
    }
}
