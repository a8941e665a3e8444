package com.spurlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chart component in a real browser: ECharts loads from the webjar for a signed-in user, every kind of
 * chart is drawn with the option the server built, and the charts follow the window down to 400 px.
 */
class ChartBrowserIT extends BrowserITSupport {

    private static final List<String> CHARTS = List.of("chart-bars", "chart-lines", "chart-calibration",
            "chart-heatmap", "chart-confusion");

    @Test
    void everyKindOfChartIsDrawnAndFollowsTheWindowTo400Pixels() {
        new LoginPage(driver, baseUrl()).signIn("lead", PASSWORD);
        Browser.resize(driver, 1440);
        driver.get(baseUrl() + "/test/charts");
        for (String id : CHARTS) {
            Chart chart = Chart.await(driver, id, Duration.ofSeconds(30));
            assertThat(chart.liveSeriesNames()).as(id).isNotEmpty();
            // Heat maps stop growing where their columns would only get wider; the others fill the page.
            assertThat(chart.width()).as(id).isGreaterThan(id.equals("chart-heatmap") || id.equals("chart-confusion") ? 400 : 900);
        }
        Chart bars = Chart.await(driver, "chart-bars", Duration.ofSeconds(5));
        assertThat(bars.liveSeriesNames()).containsExactly("ERM baseline", "GroupDRO", "ERM baseline", "GroupDRO");
        assertThat(bars.drawnTexts()).containsAll(ChartGalleryView.GROUPS).contains("target ≥ 80 %");
        Browser.screenshot(driver, "charts-1440");

        Browser.resize(driver, 400);
        for (String id : CHARTS) {
            Chart chart = Chart.await(driver, id, Duration.ofSeconds(5));
            new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> chart.width() <= 400);
            assertThat(chart.width()).as(id).isGreaterThan(250);
        }
        assertThat(Chart.await(driver, "chart-bars", Duration.ofSeconds(5)).drawnTexts())
                .containsAll(ChartGalleryView.GROUPS);
        Browser.screenshot(driver, "charts-400");
    }
}
