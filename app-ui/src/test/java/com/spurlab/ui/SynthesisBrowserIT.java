package com.spurlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.inference.cueset.CueSetGenerator;
import com.spurlab.inference.cueset.CueSetPreset;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Synthesis tab and the dashboard's synthesis section in Chromium: a GroupDRO model of a generated background
 * set judges the images a SYNTHESIZE step adds; a lead and an executive see the stored figures (images added, the
 * derived version and its source, the composition before and after as two drawn heat maps, the quality per group)
 * and the new images beside the images they were made from; a vendor has neither the tab nor the dashboard.
 */
class SynthesisBrowserIT extends BrowserITSupport {

    private static long project;
    private static long synthesisRun;

    @BeforeEach
    void aSynthesisRun() throws IOException {
        if (project != 0) {
            return;
        }
        Path zip = dataFolder().resolveSibling(dataFolder().getFileName() + "-synthesis-browser.zip");
        CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, zip, CueSetPreset.BACKGROUND_MASKS.tiny());
        project = createProject("lead", "synthesis browser " + System.nanoTime(), "executive", "vendor");
        long source = ready("lead", upload("lead", project, "sandals-sneakers", zip));
        long experiment = post("lead", "/api/v1/projects/" + project + "/experiments", Map.of("datasetVersionId",
                source, "steps", List.of(
                        Map.of("type", "TRAIN", "params", Map.of("method", "GROUP_DRO", "epochs", 1, "imageSize", 32,
                                "groupBy", List.of("background"))),
                        Map.of("type", "SYNTHESIZE", "params", Map.of("cue", "attribute:background",
                                "qualityModel", "UPSTREAM"))))).getBody().get("id").asLong();
        JsonNode done = succeeded("lead", experiment, Duration.ofMinutes(4));
        synthesisRun = done.at("/jobs/1/runId").asLong();
    }

    @Test
    void leadAndExecutiveSeeTheStoredSynthesisAndItsImages() {
        JsonNode stored = get("lead", "/api/v1/runs/" + synthesisRun + "/synthesis").getBody();
        JsonNode derived = get("lead", "/api/v1/datasets/" + stored.get("datasetVersionId").asLong()).getBody();
        JsonNode source = get("lead", "/api/v1/datasets/" + stored.get("sourceVersionId").asLong()).getBody();
        int added = stored.get("added").asInt();
        assertThat(added).isPositive();
        for (String user : List.of("lead", "executive")) {
            driver.manage().deleteAllCookies();
            new LoginPage(driver, baseUrl()).signIn(user, PASSWORD);
            new ProjectPage(driver).open(baseUrl(), project).tab("Synthesis");
            WebElement heading = new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(d -> d.findElements(By.cssSelector("#synthesis h3")).stream().findFirst().orElse(null));
            assertThat(heading.getText()).isEqualTo(String.format(Locale.ROOT, "%s: %,d new training images",
                    stored.get("cue").asText(), added));
            String lineage = driver.findElement(By.id("synthesis-lineage")).getText();
            assertThat(lineage).contains(label(derived) + " is derived from " + label(source));

            // Before and after on one scale: the after map's cells are the stored groups after.
            Chart before = Chart.await(driver, "composition-before", Duration.ofSeconds(30));
            Chart after = Chart.await(driver, "composition-after", Duration.ofSeconds(30));
            assertThat(before.option().at("/visualMap/max").asDouble()).isEqualTo(after.option().at("/visualMap/max")
                    .asDouble());
            assertThat(cellSum(after)).isEqualTo(sum(stored.get("groupsAfter")));
            assertThat(cellSum(before)).isEqualTo(sum(stored.get("groupsBefore")));
            assertThat(driver.findElement(By.cssSelector("#synthesis")).getText())
                    .contains(String.format(Locale.ROOT, "Before (Cramér's V %.2f)", stored.at("/association/before").asDouble()))
                    .contains(String.format(Locale.ROOT, "After (Cramér's V %.2f)", stored.at("/association/after").asDouble()));
            assertThat(driver.findElements(By.cssSelector("#synthesis-quality li"))).isNotEmpty();
            assertThat(driver.findElements(By.cssSelector("#synthesis-groups vaadin-grid-cell-content")).stream()
                    .map(WebElement::getText).toList()).contains(String.valueOf(stored.at("/quality/groups/0/added").asInt()));

            // Every example: the new image and each of its sources loaded, the new one tagged with its sample.
            List<WebElement> examples = driver.findElements(By.cssSelector("#synthesis-examples .synthesis-example"));
            assertThat(examples).hasSize(stored.get("examples").size());
            assertThat(examples.get(0).getAttribute("data-sample")).isEqualTo(stored.at("/examples/0/sampleId").asText());
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "const i = [...document.querySelectorAll('#synthesis-examples img')];"
                            + " return i.length > 0 && i.every(x => x.complete && x.naturalWidth > 0)"));
            assertThat(driver.findElements(By.cssSelector("#synthesis-examples img.synthesis-source")))
                    .hasSize(stored.get("examples").size());
            Browser.screenshot(driver, user + "-synthesis");
            ((JavascriptExecutor) driver).executeScript("document.getElementById('synthesis-groups')"
                    + ".scrollIntoView({block: 'start'})");
            Browser.screenshot(driver, user + "-synthesis-examples");

            new DashboardPage(driver).open(baseUrl(), project);
            WebElement section = new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(d -> d.findElements(By.id("synthesis-section")).stream().findFirst().orElse(null));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", section);
            assertThat(section.findElement(By.className("synthesis-association")).getText())
                    .contains("+" + added + " images")
                    .contains(String.format(Locale.ROOT, "Association with the label %.2f → %.2f",
                            stored.at("/association/before").asDouble(), stored.at("/association/after").asDouble()));
            Browser.screenshot(driver, user + "-dashboard-synthesis");
        }

        driver.manage().deleteAllCookies();
        new LoginPage(driver, baseUrl()).signIn("vendor", PASSWORD);
        assertThat(new ProjectPage(driver).open(baseUrl(), project).tabs()).doesNotContain("Synthesis", "Dashboard");
    }

    private static String label(JsonNode version) {
        return version.get("name").asText() + " v" + version.get("version").asInt();
    }

    private static int sum(JsonNode groups) {
        int total = 0;
        for (JsonNode n : groups) {
            total += n.asInt();
        }
        return total;
    }

    /** The heat map's cells as drawn from: [column, row, count] triples. */
    private static int cellSum(Chart chart) {
        int total = 0;
        for (JsonNode cell : chart.option().at("/series/0/data")) {
            total += cell.at("/value/2").asInt();
        }
        return total;
    }
}
