package com.spurlab.ui;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page object: a project's executive dashboard (the first tab of the project page). */
final class DashboardPage {

    /** One KPI card as a person reads it. */
    record KpiCard(String metric, String figure, String status, String statusTheme, String text) {
    }

    private final WebDriver driver;

    DashboardPage(WebDriver driver) {
        this.driver = driver;
    }

    DashboardPage open(String baseUrl, long projectId) {
        new ProjectPage(driver).open(baseUrl, projectId).tab("Dashboard");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("pilot-verdict")).isEmpty());
        return this;
    }

    String verdict() {
        return driver.findElement(By.id("pilot-verdict")).getText();
    }

    List<KpiCard> kpiCards() {
        return driver.findElements(By.cssSelector("#kpis .kpi-card")).stream().map(card -> {
            WebElement status = card.findElement(By.className("kpi-status"));
            List<WebElement> figure = card.findElements(By.cssSelector("[id^=kpi-]"));
            return new KpiCard(card.getAttribute("data-metric"), figure.isEmpty() ? null : figure.get(0).getText(),
                    status.getText(), status.getAttribute("theme"), card.getText());
        }).toList();
    }

    /** Waits (no reload: the server pushes) until the dashboard shows the baseline vs mitigated chart. */
    Chart awaitGroupBars(Duration timeout) {
        return Chart.await(driver, "group-bars", timeout);
    }

    /** Waits until the dashboard's group chart compares this many models (it is redrawn when results land). */
    Chart awaitGroupBarsComparing(int series, Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> d.findElements(By.cssSelector("#group-bars[data-series='" + series
                + "'][data-rendered]")).size() == 1);
        return Chart.await(driver, "group-bars", Duration.ofSeconds(5));
    }

    Chart trend(String metricId) {
        return Chart.await(driver, "kpi-trend-" + metricId, Duration.ofSeconds(30));
    }

    String reportLink(String format) {
        return driver.findElement(By.id("download-report-" + format)).getAttribute("href");
    }

    /** How wide the page's content is, in CSS pixels: wider than the window means a sideways scroll. */
    long documentWidth() {
        return ((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth")).longValue();
    }
}
