package com.spurlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.results.SimulatedRuns;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The executive's dashboard in a real browser: KPI cards once each, waiting neutrally before any evaluation, then —
 * pushed by the server, without a reload — the baseline vs mitigated chart with its target line and the KPI trend,
 * read at 1440 and 400 px.
 */
class DashboardBrowserIT extends BrowserITSupport {

    @Test
    void executiveSeesKpisWaitThenBaselineVsMitigatedWithTargetAndTrend() {
        long project = createProject("lead", "dashboard pilot " + System.nanoTime(), "executive");
        // Cards follow the order the targets were set in.
        target("lead", project, "WORST_GROUP_ACCURACY", 0.85);
        target("lead", project, "ACCURACY_GAP", 0.05);
        long version = ready("lead", upload("lead", project, "fashion-cue", tinyArchive()));

        new LoginPage(driver, baseUrl()).signIn("executive", PASSWORD);
        Browser.resize(driver, 1440, 1800);
        DashboardPage dashboard = new DashboardPage(driver).open(baseUrl(), project);
        List<DashboardPage.KpiCard> waiting = dashboard.kpiCards();
        assertThat(waiting).extracting(DashboardPage.KpiCard::metric)
                .containsExactly("WORST_GROUP_ACCURACY", "ACCURACY_GAP");
        // No red "not met" before anything was evaluated: a neutral badge.
        assertThat(waiting).allSatisfy(k -> {
            assertThat(k.status()).isEqualTo("no evaluation yet");
            assertThat(k.statusTheme()).contains("contrast").doesNotContain("error");
        });
        assertThat(dashboard.verdict()).startsWith("No evaluation yet");
        Browser.screenshot(driver, "dashboard-executive-waiting-1440");

        // Results land while the page is open: the server pushes the new dashboard.
        new SimulatedRuns(api("lead")).evaluate(project, version, List.of(
                new SimulatedRuns.Plan("baseline", "ERM", 2, 0.9, 0.4, 1),
                new SimulatedRuns.Plan("mitigation", "GROUP_DRO", 2, 0.95, 0.02, 2)), Duration.ofMinutes(3));
        Chart bars = dashboard.awaitGroupBarsComparing(2, Duration.ofSeconds(30));
        JsonNode wga = kpi(project, "WORST_GROUP_ACCURACY");
        long mitigated = wga.at("/bestPoint/evaluationRunId").asLong();
        JsonNode groups = get("executive", "/api/v1/runs/" + mitigated + "/metrics").getBody();

        assertThat(bars.liveSeriesNames()).contains("Baseline · ERM", "Mitigated · GroupDRO");
        assertThat(bars.categories()).hasSize(groups.get("groups").size());
        assertThat(bars.attribute("data-worst-group")).isEqualTo(groups.get("worstGroup").asText());
        assertThat(bars.drawnTexts()).contains("target ≥ 85.0 %");

        List<DashboardPage.KpiCard> cards = dashboard.kpiCards();
        assertThat(cards).hasSize(2);
        DashboardPage.KpiCard wgaCard = cards.get(0);
        assertThat(wgaCard.figure()).isEqualTo(String.format(Locale.ROOT, "%.1f %%", 100 * wga.get("best").asDouble()));
        assertThat(wgaCard.status()).isEqualTo(switch (wga.get("status").asText()) {
            case "MET" -> "met";
            case "NOT_MET" -> "not met";
            default -> "uncertain";
        });
        assertThat(wgaCard.text()).contains("Target", "≥ 85.0 %", "Baseline", "Best (by validation)", "Latest",
                "Higher is better");
        assertThat(dashboard.verdict()).startsWith("Did the pilot work?");

        Chart trend = dashboard.trend("worst-group-accuracy");
        assertThat(trend.categories()).hasSize(2);
        assertThat(trend.liveSeriesNames()).contains("Worst-group accuracy");
        assertThat(trend.drawnTexts()).contains("target ≥ 85.0 %");
        assertThat(dashboard.reportLink("pdf")).isNotBlank();
        Browser.screenshot(driver, "dashboard-executive-1440");

        Browser.resize(driver, 400, 2400);
        Chart narrow = dashboard.awaitGroupBars(Duration.ofSeconds(10));
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> narrow.width() <= 400);
        assertThat(dashboard.documentWidth()).as("no sideways scroll at 400 px").isLessThanOrEqualTo(400);
        Browser.screenshot(driver, "dashboard-executive-400");
    }

    private JsonNode kpi(long project, String metric) {
        for (JsonNode k : get("executive", "/api/v1/projects/" + project + "/kpis").getBody()) {
            if (k.get("metric").asText().equals(metric)) {
                return k;
            }
        }
        throw new AssertionError("no KPI " + metric);
    }
}
