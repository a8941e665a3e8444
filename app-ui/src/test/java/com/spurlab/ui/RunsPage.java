package com.spurlab.ui;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page object: a project's Runs tab (the table, compare, clone) and the run page it links to. */
final class RunsPage {

    private final WebDriver driver;

    RunsPage(WebDriver driver) {
        this.driver = driver;
    }

    /** Opens the tab and waits until the table shows this many runs. */
    RunsPage open(ProjectPage project, int runs) {
        project.tab("Runs");
        waitFor(Duration.ofSeconds(30)).until(d -> runLinks().size() == runs);
        return this;
    }

    /** The run ids in the order the table shows them (re-read while the grid re-renders). */
    List<Long> runIds() {
        for (int attempt = 0; ; attempt++) {
            try {
                return runLinks().stream().map(a -> Long.parseLong(a.getAttribute("textContent").strip().substring(1)))
                        .toList();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** Sorts by a column header's text (one click: ascending, two: descending). */
    void sortBy(String header, int clicks) {
        WebElement sorter = driver.findElements(By.cssSelector("#runs vaadin-grid-sorter")).stream()
                .filter(s -> s.getText().strip().equals(header)).findFirst().orElseThrow();
        for (int i = 0; i < clicks; i++) {
            click(sorter);
        }
    }

    void search(String words) {
        WebElement input = driver.findElement(By.cssSelector("#runs-search input"));
        input.clear();
        input.sendKeys(words);
    }

    /** Ticks the selection box of every row shown. */
    @SuppressWarnings("unchecked")
    void selectAll() {
        List<WebElement> boxes = (List<WebElement>) ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('#runs vaadin-checkbox')]"
                        + ".filter(c => c.accessibleName === 'Select Row' && c.offsetParent !== null)");
        for (WebElement box : boxes) {
            click(box);
        }
        // The server enables compare (2 or more) or clone (exactly 1) once it has the selection.
        String button = boxes.size() == 1 ? "runs-clone" : "runs-compare";
        waitFor(Duration.ofSeconds(10)).until(d -> d.findElement(By.id(button)).getAttribute("disabled") == null);
    }

    /** Compares the selected runs and returns the chart of their groups once drawn. */
    Chart compare() {
        click(driver.findElement(By.id("runs-compare")));
        return Chart.await(driver, "compare-groups", Duration.ofSeconds(30));
    }

    Chart comparedCurves() {
        return Chart.await(driver, "compare-curves", Duration.ofSeconds(30));
    }

    /** The rows of the parameter table whose values differ between the runs. */
    List<String> differingParameters() {
        return driver.findElements(By.cssSelector("#compare-parameters vaadin-grid-cell-content span.font-semibold"))
                .stream().map(WebElement::getText).distinct().toList();
    }

    /** Opens the clone dialog for the one selected run and returns the TRAIN form's epochs as shown. */
    String cloneEpochs() {
        click(driver.findElement(By.id("runs-clone")));
        WebElement epochs = waitFor(Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#clone-dialog #step-0-epochs input")));
        return epochs.getAttribute("value");
    }

    /** Opens a run's page from its link and waits for its learning curves. */
    Chart openRun(long runId) {
        WebElement link = runLinks().stream().filter(a -> a.getAttribute("textContent").strip().equals("#" + runId))
                .findFirst().orElseThrow();
        click(link);
        waitFor(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("run-title")));
        return Chart.await(driver, "run-curves", Duration.ofSeconds(30));
    }

    /** The run page's error tiles once their images have loaded. */
    List<WebElement> errorTiles() {
        waitFor(Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector("#run-errors .error-tile")).isEmpty()
                && (Boolean) ((JavascriptExecutor) d).executeScript("return [...document.querySelectorAll("
                + "'#run-errors img')].slice(0, 6).every(i => { i.scrollIntoView(); return i.complete && i.naturalWidth > 0; })"));
        return driver.findElements(By.cssSelector("#run-errors .error-tile"));
    }

    /** The links of the rows shown: the grid keeps the cells of rows a filter removed, hidden, for reuse. */
    private List<WebElement> runLinks() {
        return driver.findElements(By.cssSelector("#runs a.run-link")).stream().filter(WebElement::isDisplayed).toList();
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private WebDriverWait waitFor(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }
}
