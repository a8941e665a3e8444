package com.spurlab.ui;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page object: a project's Cues tab (ranked cues with lift bars and evidence images, kind filter, slices). */
final class CuesPage {

    /** One row of the ranked table as shown. */
    record Row(int rank, String cue, String kind, String detail, double lift, double ciLow, double ciHigh,
               List<String> evidence) {
    }

    private final WebDriver driver;

    CuesPage(WebDriver driver) {
        this.driver = driver;
    }

    /** Opens the tab and waits for the table. */
    CuesPage open(ProjectPage project) {
        project.tab("Cues");
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cue-table .cue-row")));
        return this;
    }

    /** The rows the reader can see, top to bottom. */
    List<Row> visibleRows() {
        return driver.findElements(By.cssSelector("#cue-table .cue-row")).stream().filter(WebElement::isDisplayed)
                .map(CuesPage::row).toList();
    }

    private static Row row(WebElement r) {
        WebElement bar = r.findElement(By.cssSelector(".lift-bar"));
        return new Row(Integer.parseInt(r.getAttribute("data-rank")), r.findElement(By.cssSelector(".cue-name")).getText(),
                r.getAttribute("data-kind"), r.findElement(By.cssSelector(".cue-detail")).getText(),
                Double.parseDouble(bar.getAttribute("data-lift")), Double.parseDouble(bar.getAttribute("data-ci-low")),
                Double.parseDouble(bar.getAttribute("data-ci-high")),
                r.findElements(By.cssSelector("img.evidence-thumbnail")).stream()
                        .map(i -> i.getAttribute("data-sample-id")).toList());
    }

    /** Waits until every evidence image of the first row has loaded and decoded; returns their natural widths. */
    List<Long> firstRowEvidenceLoaded(Duration timeout) {
        String script = "return [...document.querySelectorAll('#cue-table .cue-row')][0]"
                + ".querySelectorAll('img.evidence-thumbnail')";
        new WebDriverWait(driver, timeout).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const imgs = [...arguments[0]]; return imgs.length > 0 && imgs.every(i => i.complete && i.naturalWidth > 0)",
                ((JavascriptExecutor) d).executeScript(script)));
        @SuppressWarnings("unchecked")
        List<Long> widths = (List<Long>) ((JavascriptExecutor) driver).executeScript(
                "return [...arguments[0]].map(i => i.naturalWidth)", ((JavascriptExecutor) driver).executeScript(script));
        return widths;
    }

    /** Ticks or unticks one kind in the filter. */
    void toggleKind(String kind) {
        driver.findElements(By.cssSelector("#cue-kinds vaadin-checkbox")).stream()
                .filter(c -> c.getText().strip().equals(kind)).findFirst().orElseThrow().click();
    }

    String summary() {
        return driver.findElement(By.id("cue-summary")).getText();
    }

    List<String> slices() {
        return driver.findElements(By.cssSelector("#cue-slice-list li")).stream().map(WebElement::getText).toList();
    }
}
