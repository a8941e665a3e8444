package com.spurlab.ui;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page object: a project's Edits tab (open the project first with {@link ProjectPage}). */
final class EditsPage {

    /** One before/after card as the page shows it. */
    record PairCard(long original, long edited, boolean flipped, String group, boolean badge, String before,
                    String after) {
    }

    private final WebDriver driver;

    EditsPage(WebDriver driver) {
        this.driver = driver;
    }

    EditsPage open() {
        WebElement tab = driver.findElement(By.id("tab-edits"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", tab);
        tab.click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-verdict")));
        return this;
    }

    long shownRunId() {
        return Long.parseLong(driver.findElement(By.id("edit-run-view")).getAttribute("data-run-id"));
    }

    String verdict() {
        return driver.findElement(By.id("edit-verdict")).getText().strip();
    }

    String badge() {
        return driver.findElement(By.id("edit-confirmed")).getText().strip();
    }

    /** The cards shown, once every image in them has loaded (served through the access-checked thumbnails). */
    List<PairCard> pairs() {
        waitFor().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return [...document.querySelectorAll("
                + "'#edit-pairs img')].every(i => i.complete && i.naturalWidth > 0)"));
        return driver.findElements(By.cssSelector("#edit-pairs .edit-pair")).stream().map(card -> {
            List<WebElement> texts = card.findElements(By.cssSelector("img + span"));
            return new PairCard(Long.parseLong(card.getAttribute("data-original")),
                    Long.parseLong(card.getAttribute("data-edited")), Boolean.parseBoolean(card.getAttribute("data-flipped")),
                    card.getAttribute("data-group"), !card.findElements(By.cssSelector(".flipped-badge")).isEmpty(),
                    texts.get(0).getText().strip(), texts.get(1).getText().strip());
        }).toList();
    }

    /** Images of the shown cards: those that loaded, by kind ("original" or "edited"). */
    int loadedImages(String kind) {
        return ((Long) ((JavascriptExecutor) driver).executeScript("return [...document.querySelectorAll("
                + "'#edit-pairs img." + kind + "-image')].filter(i => i.complete && i.naturalWidth > 0).length")).intValue();
    }

    /** How many pairs match the filters. */
    int pairsTotal() {
        return Integer.parseInt(driver.findElement(By.id("pair-count")).getAttribute("data-total"));
    }

    /** Picks a value of one of the filters ("pair-group", "pair-flipped") by the label it shows. */
    EditsPage filter(String selectId, String label) {
        WebElement select = driver.findElement(By.id(selectId));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", select);
        select.click();
        WebElement item = waitFor().until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(e -> e.isDisplayed() && e.getText().strip().equals(label)).findFirst().orElse(null));
        item.click();
        waitFor().until(d -> d.findElement(By.id("edit-pairs")).getAttribute("data-filter").contains(label));
        return this;
    }

    /** Scrolls an element of the tab into view, e.g. for a screenshot. */
    EditsPage scrollTo(String id) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})",
                driver.findElement(By.id(id)));
        return this;
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }
}
