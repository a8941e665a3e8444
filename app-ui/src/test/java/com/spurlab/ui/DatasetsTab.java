package com.spurlab.ui;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page object: a project's Datasets tab once a version exists (details, gallery, comparison, deletion). */
final class DatasetsTab {

    private final WebDriver driver;

    DatasetsTab(WebDriver driver) {
        this.driver = driver;
    }

    void select(String versionLabel) {
        wait(Duration.ofSeconds(30)).until(d -> cell(versionLabel) != null);
        cell(versionLabel).click();
        wait(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("validation-report")));
    }

    /**
     * Clicks the first cell of a composition heat map (e.g. {@code composition-background-train}) and waits for
     * the gallery's thumbnails to load; returns the count the cell showed.
     */
    int openFirstGroup(String chartId) {
        Chart chart = Chart.await(driver, chartId, Duration.ofSeconds(30));
        int count = chart.option().at("/series/0/data/0/value/2").asInt();
        chart.clickItem(0, 0);
        wait(Duration.ofSeconds(30)).until(d -> !thumbnails().isEmpty() && (Boolean) ((JavascriptExecutor) d)
                .executeScript("return [...document.querySelectorAll('#sample-gallery img')]"
                        + ".every(i => i.complete && i.naturalWidth > 0)"));
        return count;
    }

    List<WebElement> thumbnails() {
        return driver.findElements(By.cssSelector("#sample-gallery img.sample-thumbnail"));
    }

    String compare() {
        wait(Duration.ofSeconds(30)).until(d -> !((String) ((JavascriptExecutor) d).executeScript(
                "return document.querySelector('#diff-from').value || ''")).isEmpty());
        click(driver.findElement(By.id("diff-compare")));
        WebElement summary = wait(Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("diff-summary")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", summary);
        return summary.getText();
    }

    void deleteSelected() {
        click(driver.findElement(By.id("delete-version")));
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("confirm-delete"))).click();
    }

    boolean listed(String versionLabel) {
        return cell(versionLabel) != null;
    }

    /** Scrolls the element into the middle of the window first: the panel is taller than the window. */
    private void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private WebElement cell(String text) {
        return driver.findElements(By.cssSelector("#datasets vaadin-grid-cell-content")).stream()
                .filter(e -> e.getText().strip().equals(text)).findFirst().orElse(null);
    }

    private WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }
}
