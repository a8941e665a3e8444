package com.spurlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.HttpStatus;

/**
 * An administrator, who is no member, opens a project's settings without membership errors, sets a KPI
 * target and adds a member — and still reads none of its results.
 */
class AdminSettingsBrowserIT extends BrowserITSupport {

    @Test
    void adminSetsAKpiTargetAndAddsAMember() {
        long project = createProject("lead", "admin settings " + System.nanoTime());
        new LoginPage(driver, baseUrl()).signIn("admin", PASSWORD);
        Browser.resize(driver, 1440);
        ProjectPage page = new ProjectPage(driver).open(baseUrl(), project);
        assertThat(page.tabs()).containsExactly("Queue", "Settings");
        assertThat(driver.findElements(By.cssSelector("vaadin-notification-card"))).isEmpty();

        page.tab("Settings");
        Settings settings = new Settings(driver);
        settings.setTarget("Worst-group accuracy", "85");
        settings.addMember("executive");
        settle(driver).until(d -> settings.texts("kpi-targets").contains("≥ 85.0 %"));
        settle(driver).until(d -> settings.texts("members").contains("executive"));
        Browser.screenshot(driver, "admin-settings-1440");
        Browser.resize(driver, 400);
        WebElement signOut = driver.findElement(By.id("sign-out"));
        assertThat(signOut.getRect().getX() + signOut.getSize().getWidth()).isLessThanOrEqualTo(400);
        Browser.screenshot(driver, "admin-settings-400");

        assertThat(get("executive", "/api/v1/projects/" + project).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("admin", "/api/v1/projects/" + project + "/kpis").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("lead", "/api/v1/projects/" + project + "/kpis").getBody().get(0).get("target").asDouble())
                .isEqualTo(0.85);
        // The rules are the services': the admin runs the queue, keeps members, and cannot orphan the project.
        assertThat(get("admin", "/api/v1/projects/" + project + "/queue").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("admin", "/api/v1/projects/" + project + "/members").getBody().findValuesAsText("username"))
                .containsExactlyInAnyOrder("lead", "executive");
        var lastLead = api("admin").delete().uri("/api/v1/projects/{id}/members/lead", project).retrieve()
                .toEntity(com.fasterxml.jackson.databind.JsonNode.class);
        assertThat(lastLead.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(lastLead.getBody().get("error").asText()).isEqualTo("last_lead");
        assertThat(get("executive", "/api/v1/projects/" + project + "/members").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static WebDriverWait settle(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Page object: the Settings tab. */
    private static final class Settings {
        private final WebDriver driver;

        Settings(WebDriver driver) {
            this.driver = driver;
        }

        void setTarget(String metric, String percent) {
            WebElement box = settle(driver).until(d -> d.findElement(By.cssSelector("#kpi-metric input")));
            box.sendKeys(metric);
            box.sendKeys(Keys.ENTER);
            WebElement threshold = driver.findElement(By.cssSelector("#kpi-threshold input"));
            threshold.sendKeys(percent, Keys.TAB);
            driver.findElement(By.id("kpi-save")).click();
        }

        void addMember(String username) {
            driver.findElement(By.cssSelector("#member-username input")).sendKeys(username, Keys.TAB);
            driver.findElement(By.id("member-add")).click();
        }

        List<String> texts(String gridId) {
            return driver.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                    .map(e -> e.getText().strip()).toList();
        }
    }
}
