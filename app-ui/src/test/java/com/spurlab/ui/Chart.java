package com.spurlab.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Page object of one {@code EChart}: what the server asked to draw ({@code data-option}) and what the browser
 * drew (the live ECharts instance and the SVG it rendered).
 */
final class Chart {

    private final WebDriver driver;
    private final WebElement element;

    private Chart(WebDriver driver, WebElement element) {
        this.driver = driver;
        this.element = element;
    }

    /** Waits until the chart with this id has been drawn by ECharts in the browser. */
    static Chart await(WebDriver driver, String id, Duration timeout) {
        WebElement element = new WebDriverWait(driver, timeout).until(d -> {
            List<WebElement> found = d.findElements(By.id(id));
            return !found.isEmpty() && found.get(0).getAttribute("data-rendered") != null ? found.get(0) : null;
        });
        return new Chart(driver, element);
    }

    String attribute(String name) {
        return element.getAttribute(name);
    }

    /** The option the server sent. */
    JsonNode option() {
        try {
            return new ObjectMapper().readTree(element.getAttribute("data-option"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The category axis' names (the groups of a bar chart). */
    List<String> categories() {
        JsonNode option = option();
        JsonNode axis = option.path("yAxis").path("type").asText().equals("category") ? option.get("yAxis")
                : option.get("xAxis");
        List<String> out = new ArrayList<>();
        axis.path("data").forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The series names of the live ECharts instance (proves the library loaded and took the option). */
    @SuppressWarnings("unchecked")
    List<String> liveSeriesNames() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return echarts.getInstanceByDom(arguments[0]).getOption().series.map(s => s.name)", element);
    }

    /** The texts drawn in the chart's SVG (axis labels, legend). */
    List<String> drawnTexts() {
        return element.findElements(By.cssSelector("svg text")).stream().map(WebElement::getText).toList();
    }

    /** Clicks an item (a bar, a heat map cell) where ECharts drew it. */
    @SuppressWarnings("unchecked")
    void clickItem(int seriesIndex, int dataIndex) {
        List<Number> xy = (List<Number>) ((JavascriptExecutor) driver).executeScript(
                "const c = echarts.getInstanceByDom(arguments[0]);"
                + "const item = c.getOption().series[arguments[1]].data[arguments[2]];"
                + "const v = Array.isArray(item) ? item : item.value;"
                + "arguments[0].scrollIntoView({block: 'center'});"
                + "return c.convertToPixel({seriesIndex: arguments[1]}, [v[0], v[1]]);", element, seriesIndex, dataIndex);
        var size = element.getSize();
        new org.openqa.selenium.interactions.Actions(driver)
                .moveToElement(element, xy.get(0).intValue() - size.getWidth() / 2,
                        xy.get(1).intValue() - size.getHeight() / 2).click().perform();
    }

    /** The drawn chart's width in CSS pixels. */
    long width() {
        return ((Number) ((JavascriptExecutor) driver).executeScript(
                "return echarts.getInstanceByDom(arguments[0]).getWidth()", element)).longValue();
    }
}
