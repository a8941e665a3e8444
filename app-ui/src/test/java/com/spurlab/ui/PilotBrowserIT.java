package com.spurlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A lead runs the pilot in a real browser; the dashboard shows exactly the stored worst-group accuracy. */
class PilotBrowserIT extends BrowserITSupport {


    @Test
    void leadUploadsRunsTheBaselineAndSeesTheStoredWorstGroupAccuracy() {
        long project = createProject("lead", "browser pilot", "vendor", "executive");
        new LoginPage(driver, baseUrl()).signIn("lead", PASSWORD);
        ProjectPage page = new ProjectPage(driver).open(baseUrl(), project);
        assertThat(page.tabs()).containsExactly("Dashboard", "Datasets", "Experiments", "Runs", "Cues", "Edits", "Synthesis", "Audit", "Queue", "Settings");

        page.upload("fashion-cue", tinyArchive());
        String datasets = page.awaitDatasetStatus("READY", Duration.ofMinutes(2));
        assertThat(datasets).contains("fashion-cue v1").contains("340");
        Browser.screenshot(driver, "lead-datasets");

        page.runBaseline(2);
        assertThat(page.awaitJobsFinished(Duration.ofMinutes(5))).containsExactly("SUCCEEDED", "SUCCEEDED");
        Browser.screenshot(driver, "lead-experiments");

        String[] shown = page.worstGroupFigure(Duration.ofSeconds(30));
        JsonNode stored = get("lead", "/api/v1/runs/" + shown[1] + "/metrics").getBody();
        assertThat(shown[0]).isEqualTo(String.format(Locale.ROOT, "%.1f %%",
                100 * stored.get("worstGroupAccuracy").asDouble()));
        Chart bars = page.groupBars(Duration.ofSeconds(30));
        assertThat(bars.attribute("data-worst-group")).isEqualTo(stored.get("worstGroup").asText());
        assertThat(bars.categories()).hasSize(stored.get("groups").size());
        assertThat(bars.drawnTexts()).contains(Labels.group(stored.get("worstGroup").asText()));
        Browser.screenshot(driver, "lead-dashboard");

        // The real training recorded one history entry per epoch, and the run page draws them.
        long evaluated = get("lead", "/api/v1/runs/" + shown[1] + "/metrics").getBody().get("runId").asLong();
        JsonNode evaluation = get("lead", "/api/v1/projects/" + project + "/runs").getBody().at("/runs/0");
        JsonNode details = get("lead", "/api/v1/runs/" + evaluation.get("trainingRunId").asLong() + "/details").getBody();
        assertThat(details.get("history")).hasSize(2);
        assertThat(details.at("/history/1/trainLoss").asDouble()).isEqualTo(details.get("finalLoss").asDouble());
        assertThat(evaluated).isEqualTo(evaluation.get("evaluationRunId").asLong());
        Chart curves = new RunsPage(driver).open(page, 1).openRun(evaluated);
        assertThat(curves.categories()).containsExactly("1", "2");
        Browser.screenshot(driver, "lead-real-run-page");
    }

    @Test
    void eachRoleSeesOnlyItsTabs() {
        long project = createProject("lead", "roles pilot", "vendor", "executive");

        new LoginPage(driver, baseUrl()).signIn("vendor", PASSWORD);
        assertThat(new ProjectPage(driver).open(baseUrl(), project).tabs()).containsExactly("Datasets");
        Browser.screenshot(driver, "vendor-project");

        driver.manage().deleteAllCookies();
        new LoginPage(driver, baseUrl()).signIn("executive", PASSWORD);
        assertThat(new ProjectPage(driver).open(baseUrl(), project).tabs()).containsExactly("Dashboard", "Runs", "Cues", "Edits", "Synthesis", "Audit");
        Browser.screenshot(driver, "executive-project");
    }
}
