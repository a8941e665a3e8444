package com.spurlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A lead follows the project's queue live and cancels a running job; an administrator sees every project's. */
class QueueBrowserIT extends BrowserITSupport {


    @Test
    void leadCancelsARunningJobFromTheQueueAndAdminSeesTheInstallationQueue() {
        long project = createProject("lead", "queue pilot", "executive");
        long dataset = upload("lead", project, "tiny", tinyArchive()).getBody().get("id").asLong();
        await(() -> get("lead", "/api/v1/datasets/" + dataset).getBody(),
                v -> v.get("status").asText().equals("READY"), Duration.ofMinutes(2));
        long experiment = post("lead", "/api/v1/projects/" + project + "/experiments", Map.of(
                "datasetVersionId", dataset, "name", "long wait", "priority", 3,
                "steps", List.of(Map.of("type", "NOOP", "params", Map.of("millis", 60_000)),
                        Map.of("type", "NOOP")))).getBody().get("id").asLong();

        new LoginPage(driver, baseUrl()).signIn("lead", PASSWORD);
        ProjectPage page = new ProjectPage(driver).open(baseUrl(), project);
        page.tab("Queue");
        QueuePage queue = new QueuePage(driver);
        queue.awaitCell("RUNNING", Duration.ofSeconds(30));
        queue.awaitCell("QUEUED", Duration.ofSeconds(5));
        assertThat(queue.text()).contains("long wait", "step 1 · NOOP", "step 2 · NOOP", "priority 3", "cpu", "waiting");
        assertThat(queue.summary()).startsWith("1 running · 1 queued");
        Browser.screenshot(driver, "lead-queue");

        queue.press("queue-cancel");
        queue.awaitCell("CANCELLED", Duration.ofSeconds(15));
        // The running job stops at its next check: CANCELLED, and the step waiting for it is SKIPPED.
        JsonNode cancelled = await(() -> get("lead", "/api/v1/experiments/" + experiment).getBody(),
                e -> !e.get("jobs").get(0).get("status").asText().equals("RUNNING"), Duration.ofSeconds(30));
        assertThat(cancelled.get("jobs").get(0).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("jobs").get(1).get("status").asText()).isEqualTo("SKIPPED");
        Browser.screenshot(driver, "lead-queue-cancelled");

        driver.manage().deleteAllCookies();
        new LoginPage(driver, baseUrl()).signIn("admin", PASSWORD);
        QueuePage installation = new QueuePage(driver).openInstallationQueue(baseUrl());
        try {
            installation.awaitCell("long wait", Duration.ofSeconds(30));
        } catch (org.openqa.selenium.TimeoutException e) {
            Browser.screenshot(driver, "admin-queue-missing-job");
            throw new AssertionError("the installation queue does not show 'long wait' at " + driver.getCurrentUrl()
                    + "; it shows: " + installation.text(), e);
        }
        Browser.screenshot(driver, "admin-queue");
    }
}
