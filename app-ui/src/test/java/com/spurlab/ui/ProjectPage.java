package com.spurlab.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page object: one project with its Dashboard, Datasets and Experiments tabs. */
final class ProjectPage {

    private final WebDriver driver;

    ProjectPage(WebDriver driver) {
        this.driver = driver;
    }

    ProjectPage open(String baseUrl, long projectId) {
        driver.get(baseUrl + "/projects/" + projectId);
        waitFor(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-tabsheet")));
        return this;
    }

    /** Opens the project at one of its tabs by the tab's link ({@code ?tab=runs}). */
    ProjectPage open(String baseUrl, long projectId, String tab) {
        driver.get(baseUrl + "/projects/" + projectId + "?tab=" + tab);
        waitFor(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-tabsheet")));
        return this;
    }

    List<String> tabs() {
        return driver.findElements(By.cssSelector("vaadin-tab")).stream().map(WebElement::getText).toList();
    }

    void tab(String title) {
        WebElement tab = driver.findElement(By.id("tab-" + title.toLowerCase()));
        // The page may have scrolled (a long form, a notice at the top): bring the tab into view first.
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", tab);
        waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(tab)).click();
    }

    void upload(String datasetName, Path archive) {
        tab("Datasets");
        WebElement name = waitFor(Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dataset-name input")));
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), datasetName, Keys.TAB);
        WebElement upload = driver.findElement(By.id("dataset-upload"));
        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(archive.toAbsolutePath().toString());
    }

    /** Waits until the dataset grid shows a row with the status and returns the grid's text. */
    String awaitDatasetStatus(String status, Duration timeout) {
        waitFor(timeout).until(d -> cellTexts("datasets").contains(status));
        return String.join(" ", cellTexts("datasets"));
    }

    void runBaseline(int epochs) {
        tab("Experiments");
        WebElement field = waitFor(Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#step-0-epochs input")));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(epochs), Keys.TAB);
        waitFor(Duration.ofSeconds(30)).until(d -> !((String) ((JavascriptExecutor) d).executeScript(
                "return document.querySelector('#experiment-dataset').value || ''")).isEmpty());
        WebElement run = driver.findElement(By.id("run-baseline"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", run);
        run.click();
    }

    /** Waits until no job is queued or running, and returns the job statuses shown. */
    List<String> awaitJobsFinished(Duration timeout) {
        waitFor(timeout).until(d -> {
            List<String> cells = cellTexts("jobs");
            return cells.stream().anyMatch(c -> c.equals("SUCCEEDED") || c.equals("FAILED"))
                    && cells.stream().noneMatch(c -> c.equals("QUEUED") || c.equals("RUNNING"));
        });
        return cellTexts("jobs").stream().filter(c -> c.matches("[A-Z]+") && !c.equals("TRAIN")).toList();
    }

    /** The worst-group accuracy figure the dashboard shows, and the run it belongs to. */
    String[] worstGroupFigure(Duration timeout) {
        tab("Dashboard");
        WebElement value = waitFor(timeout).until(ExpectedConditions.presenceOfElementLocated(By.id("wga-value")));
        String runId = value.findElement(By.xpath("..")).getAttribute("data-run-id");
        return new String[] {value.getText(), runId};
    }

    /** The dashboard's per-group chart once the browser has drawn it. */
    Chart groupBars(Duration timeout) {
        return Chart.await(driver, "group-bars", timeout);
    }

    private List<String> cellTexts(String gridId) {
        return driver.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .map(e -> e.getText().strip()).toList();
    }

    private WebDriverWait waitFor(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }
}
