package com.spurlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.results.SimulatedRuns;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A lead compares three runs in the runs table, opens a run page with its curves (desktop and phone widths)
 * and clones a run's plan; the runs come from simulated steps, scored on the real dataset by SpurLab's
 * metric code.
 */
class RunsBrowserIT extends BrowserITSupport {

    @Test
    void leadComparesThreeRunsOpensARunPageWithCurvesAndClonesARun() {
        long project = createProject("lead", "runs browser " + System.nanoTime(), "executive");
        long version = ready("lead", upload("lead", project, "fashion-cue", tinyArchive()));
        List<Long> runs = new SimulatedRuns(api("lead")).evaluate(project, version, List.of(
                new SimulatedRuns.Plan("baseline", "ERM", 4, 0.95, 0.45, 1),
                new SimulatedRuns.Plan("reweighted", "REWEIGHT", 5, 0.90, 0.15, 2),
                new SimulatedRuns.Plan("group dro", "GROUP_DRO", 6, 0.88, 0.05, 3)), Duration.ofMinutes(2));

        new LoginPage(driver, baseUrl()).signIn("lead", PASSWORD);
        Browser.resize(driver, 1440);
        ProjectPage project1440 = new ProjectPage(driver).open(baseUrl(), project);
        RunsPage table = new RunsPage(driver).open(project1440, 3);
        table.sortBy("Test worst-group (95 % CI)", 2);
        JsonNode sorted = get("lead", "/api/v1/projects/" + project + "/runs?sort=TEST_WORST_GROUP,desc").getBody();
        List<Long> expected = new java.util.ArrayList<>();
        sorted.get("runs").forEach(r -> expected.add(r.get("evaluationRunId").asLong()));
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> table.runIds().equals(expected));

        table.selectAll();
        Chart groups = table.compare();
        assertThat(groups.liveSeriesNames()).hasSize(6)
                .contains("#" + runs.get(0) + " ERM", "#" + runs.get(1) + " Reweight", "#" + runs.get(2) + " GroupDRO");
        assertThat(groups.categories()).hasSize(4);
        assertThat(table.differingParameters()).contains("Method", "Epochs").doesNotContain("Dataset version");
        assertThat(table.comparedCurves().liveSeriesNames()).hasSize(3);
        Browser.screenshot(driver, "lead-runs-compare-1440");
        Browser.resize(driver, 400);
        assertThat(table.comparedCurves().width()).isLessThanOrEqualTo(400);
        Browser.screenshot(driver, "lead-runs-compare-400");

        Browser.resize(driver, 1440);
        Chart curves = table.openRun(runs.get(2));
        assertThat(curves.categories()).hasSize(6);
        assertThat(curves.liveSeriesNames()).contains("val worst-group accuracy", "train loss");
        assertThat(Chart.await(driver, "run-confusion", Duration.ofSeconds(10)).liveSeriesNames()).hasSize(1);
        assertThat(Chart.await(driver, "run-calibration", Duration.ofSeconds(10)).liveSeriesNames())
                .contains("perfect calibration");
        JsonNode errors = get("lead", "/api/v1/runs/" + runs.get(2) + "/errors?split=test&limit=500").getBody();
        assertThat(table.errorTiles()).hasSize(Math.min(errors.size(), 24));
        Browser.screenshot(driver, "lead-run-page-1440");
        Browser.resize(driver, 400);
        assertThat(Chart.await(driver, "run-curves", Duration.ofSeconds(10)).width()).isLessThanOrEqualTo(400);
        Browser.screenshot(driver, "lead-run-page-400");

        // Clone and edit: one run's plan opens in the experiment form with its values.
        Browser.resize(driver, 1440);
        RunsPage again = new RunsPage(driver).open(new ProjectPage(driver).open(baseUrl(), project), 3);
        again.search("group dro");
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> again.runIds().equals(List.of(runs.get(2))));
        again.selectAll();
        assertThat(again.cloneEpochs()).isEqualTo("6");
        Browser.screenshot(driver, "lead-runs-clone");

        // A link to the Runs tab opens the project there: the tab is selected and its rows drawn without a click.
        new ProjectPage(driver).open(baseUrl(), project, "runs");
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                d.findElement(org.openqa.selenium.By.id("tab-runs")).getAttribute("selected") != null
                        && new RunsPage(d).runIds().size() == 3);
    }
}
