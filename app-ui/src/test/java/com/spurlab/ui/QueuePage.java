package com.spurlab.ui;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page object: a job queue grid (a project's Queue tab, or the administrators' queue view). */
final class QueuePage {

    private final WebDriver driver;

    QueuePage(WebDriver driver) {
        this.driver = driver;
    }

    QueuePage openInstallationQueue(String baseUrl) {
        driver.get(baseUrl + "/admin/queue");
        return this;
    }

    /** Waits until a cell of the queue shows this text (the grid refreshes itself every second). */
    void awaitCell(String text, Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> cells().stream().anyMatch(c -> c.contains(text)));
    }

    /** Every cell's text, joined: what a person reads in the grid. */
    String text() {
        return String.join(" | ", cells());
    }

    List<String> cells() {
        return driver.findElements(By.cssSelector("#queue vaadin-grid-cell-content")).stream()
                .map(e -> e.getText().strip()).toList();
    }

    String summary() {
        return driver.findElement(By.id("queue-summary")).getText();
    }

    /** Presses the first visible button with this class (e.g. queue-cancel, queue-retry). */
    void press(String buttonClass) {
        driver.findElements(By.cssSelector("#queue vaadin-button." + buttonClass)).stream()
                .filter(WebElement::isDisplayed).findFirst().orElseThrow().click();
    }
}
