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

/**
 * The Audit tab in Chromium: a baseline (ERM) and a GROUP_DRO model of a generated cue set are audited through the
 * API, both after an EDIT that removes the background; a lead and an executive see the newest audit's findings exactly
 * as stored, its counterfactual consistency and ODmAP@k per group each with its finding, and put the two side by side;
 * a vendor of the project has no Audit tab.
 */
class AuditBrowserIT extends BrowserITSupport {

    private static long project;
    private static long ermAudit;
    private static long droAudit;

    @BeforeEach
    void twoAudits() throws IOException {
        if (project != 0) {
            return;
        }
        Path zip = dataFolder().resolveSibling(dataFolder().getFileName() + "-audit-browser.zip");
        CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, zip, CueSetPreset.BACKGROUND_MASKS.tiny());
        project = createProject("lead", "audit browser " + System.nanoTime(), "executive", "vendor");
        long version = ready("lead", upload("lead", project, "sandals-sneakers", zip));
        long experiment = post("lead", "/api/v1/projects/" + project + "/experiments", Map.of("datasetVersionId",
                version, "steps", List.of(
                        Map.of("type", "TRAIN", "params", Map.of("epochs", 1, "imageSize", 32)),
                        Map.of("type", "EDIT", "params", Map.of("operation", "REMOVE_BACKGROUND")),
                        Map.of("type", "AUDIT", "params", Map.of("dependsOn", List.of(0, 1))),
                        Map.of("type", "TRAIN", "params", Map.of("method", "GROUP_DRO", "epochs", 1, "imageSize", 32,
                                "dependsOn", List.of())),
                        // After the first audit too: two jobs of one experiment that finish in the same instant can
                        // leave it RUNNING (each reads the other as running when it refreshes the experiment's status).
                        Map.of("type", "AUDIT", "params", Map.of("dependsOn", List.of(3, 1, 2)))))).getBody()
                .get("id").asLong();
        JsonNode done = succeeded("lead", experiment, Duration.ofMinutes(4));
        ermAudit = done.at("/jobs/2/runId").asLong();
        droAudit = done.at("/jobs/4/runId").asLong();
    }

    @Test
    void leadAndExecutiveSeeTheStoredFindingsAndPutTwoAuditsSideBySide() {
        long newest = Math.max(ermAudit, droAudit);
        long older = Math.min(ermAudit, droAudit);
        for (String user : List.of("lead", "executive")) {
            driver.manage().deleteAllCookies();
            new LoginPage(driver, baseUrl()).signIn(user, PASSWORD);
            assertThat(new ProjectPage(driver).open(baseUrl(), project).tabs()).contains("Audit");
            AuditPage audit = new AuditPage(driver).open();
            assertThat(audit.shownRunId()).isEqualTo(newest);
            assertThat(audit.findings()).isNotEmpty().isEqualTo(findings(newest));
            assertThat(audit.severities()).allMatch(s -> List.of("CONCERN", "NOTE", "OK").contains(s));
            assertThat(audit.table("audit-eat")).hasSize(3);
            assertThat(audit.table("audit-gaps").get(1)).startsWith("accuracy − worst-group accuracy | ");
            Browser.screenshot(driver, user + "-audit");
            JsonNode stored = get(user, "/api/v1/runs/" + newest + "/audit").getBody();
            Chart groups = Chart.await(driver, "audit-group-bars", Duration.ofSeconds(30));
            assertThat(groups.categories()).isEqualTo(stored.at("/gaps/groups").findValuesAsText("group").stream()
                    .map(Labels::group).toList());
            assertThat(groups.liveSeriesNames()).contains("accuracy");
            assertThat(Chart.await(driver, "audit-rate-bars", Duration.ofSeconds(30)).liveSeriesNames())
                    .contains("true-positive rate", "false-positive rate");
            audit.scrollTo("audit-group-bars");
            Browser.screenshot(driver, user + "-audit-groups");

            // The EDIT run's pairs re-scored with this model: all pairs, then each group, with the finding beside.
            List<String> groupNames = stored.at("/consistency/groups").findValuesAsText("group").stream()
                    .map(Labels::group).toList();
            List<String> consistency = audit.table("audit-consistency");
            assertThat(consistency).hasSize(2 + groupNames.size());
            assertThat(consistency.get(1)).startsWith("all pairs | ").contains("(n=120)");
            assertThat(consistency.subList(2, consistency.size()).stream().map(r -> r.split(" \\| ")[0]).toList())
                    .isEqualTo(groupNames);
            assertThat(audit.figureFindings("consistency")).containsExactly(finding(stored, "consistency"));
            List<String> odmap = audit.table("audit-odmap");
            assertThat(odmap).hasSize(2 + stored.at("/odmap/groups").size());
            assertThat(odmap.get(1)).startsWith("all queries (" + stored.at("/odmap/queries").asInt() + ", ");
            assertThat(audit.figureFindings("odmap")).containsExactly(finding(stored, "odmap"));
            audit.scrollTo("audit-consistency");
            Browser.screenshot(driver, user + "-audit-consistency");
            audit.scrollTo("audit-construction");
            Browser.screenshot(driver, user + "-audit-construction");

            JsonNode olderRun = get(user, "/api/v1/runs/" + older + "/audit").getBody();
            audit.compareWith("run " + older + " · " + olderRun.get("method").asText() + " · attribute:background on test");
            List<String> compared = audit.table("audit-comparison-table");
            assertThat(compared.get(0)).contains("run " + newest + " · ").contains("run " + older + " · ");
            assertThat(compared).anyMatch(row -> row.startsWith("EAT, cue contrast | d = "));
            assertThat(compared).anySatisfy(row -> assertThat(row).startsWith("Counterfactual consistency | ")
                    .doesNotContain("no EDIT run"));
            assertThat(Chart.await(driver, "audit-comparison-groups", Duration.ofSeconds(30)).liveSeriesNames())
                    .contains(compared.get(0).split(" \\| ")[1], compared.get(0).split(" \\| ")[2]);
            assertThat(audit.comparedFindings("left")).isEqualTo(findings(newest));
            assertThat(audit.comparedFindings("right")).isEqualTo(findings(older));
            Browser.screenshot(driver, user + "-audit-side-by-side");
            audit.scrollTo("audit-comparison-groups");
            Browser.screenshot(driver, user + "-audit-side-by-side-groups");
        }
    }

    @Test
    void aVendorOfTheProjectHasNoAuditTab() {
        new LoginPage(driver, baseUrl()).signIn("vendor", PASSWORD);
        assertThat(new ProjectPage(driver).open(baseUrl(), project).tabs()).containsExactly("Datasets");
        Browser.screenshot(driver, "vendor-no-audit");
    }

    private static String finding(JsonNode audit, String metric) {
        for (JsonNode f : audit.get("findings")) {
            if (f.get("metric").asText().equals(metric)) {
                return f.get("text").asText();
            }
        }
        throw new AssertionError("no " + metric + " finding in " + audit);
    }

    private List<String> findings(long runId) {
        List<String> texts = new ArrayList<>();
        get("lead", "/api/v1/runs/" + runId + "/audit").getBody().get("findings")
                .forEach(f -> texts.add(f.get("text").asText()));
        return texts;
    }
}
