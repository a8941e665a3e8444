package com.spurlab.ui;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page object: a project's Audit tab (open the project first with {@link ProjectPage}). */
final class AuditPage {

    private final WebDriver driver;

    AuditPage(WebDriver driver) {
        this.driver = driver;
    }

    AuditPage open() {
        driver.findElement(By.id("tab-audit")).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#audit-findings .audit-finding")));
        return this;
    }

    /** The run whose report is shown. */
    long shownRunId() {
        return Long.parseLong(driver.findElement(By.id("audit-report")).getAttribute("data-run-id"));
    }

    /** The shown report's findings, without their severity badges. */
    List<String> findings() {
        return texts("#audit-findings .audit-finding > span:last-child");
    }

    /** The finding shown beside one figure's table: {@code consistency} or {@code odmap}. */
    List<String> figureFindings(String metric) {
        return texts("#audit-" + metric + "-finding .audit-finding > span:last-child");
    }

    List<String> severities() {
        return driver.findElements(By.cssSelector("#audit-findings .audit-finding")).stream()
                .map(e -> e.getAttribute("data-severity")).toList();
    }

    /** A table's rows as their cells' text joined by " | ", the header row first. */
    List<String> table(String id) {
        return driver.findElements(By.cssSelector("#" + id + " tr")).stream()
                .map(row -> String.join(" | ", row.findElements(By.cssSelector("th, td")).stream()
                        .map(WebElement::getText).toList())).toList();
    }

    /** Picks the second audit to show beside the first, by the label the select shows for it. */
    AuditPage compareWith(String label) {
        WebElement select = driver.findElement(By.id("audit-compare"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", select);
        select.click();
        WebElement item = waitFor().until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(e -> e.isDisplayed() && e.getText().strip().equals(label)).findFirst().orElse(null));
        item.click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-comparison-table")));
        return this;
    }

    List<String> comparedFindings(String side) {
        return texts("#audit-findings-" + side + " .audit-finding > span:last-child");
    }

    /** Scrolls an element of the tab (a table, the construction notes) into view, e.g. for a screenshot. */
    AuditPage scrollTo(String id) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                driver.findElement(By.id(id)));
        return this;
    }

    private List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(e -> e.getText().strip()).toList();
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }
}
