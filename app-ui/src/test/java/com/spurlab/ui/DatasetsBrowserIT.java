package com.spurlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A lead uploads in the browser, opens a group's thumbnails, compares two versions and deletes one. */
class DatasetsBrowserIT extends BrowserITSupport {


    @Test
    void leadBrowsesAGroupComparesVersionsAndDeletesOne() {
        long project = createProject("lead", "dataset browser pilot", "vendor");
        new LoginPage(driver, baseUrl()).signIn("lead", PASSWORD);
        ProjectPage page = new ProjectPage(driver).open(baseUrl(), project);
        page.upload("fashion-cue", tinyArchive());
        page.awaitDatasetStatus("READY", Duration.ofMinutes(2));

        DatasetsTab datasets = new DatasetsTab(driver);
        datasets.select("fashion-cue v1");
        int shown = datasets.openFirstGroup("composition-background-train");
        JsonNode version = get("lead", "/api/v1/projects/" + project + "/datasets").getBody().get(0);
        JsonNode train = version.at("/composition/byAttribute/background/counts/train");
        String firstLabel = train.fieldNames().next();
        String firstValue = version.at("/composition/attributes/background/0").asText();
        assertThat(shown).isEqualTo(train.get(firstLabel).get(firstValue).asInt());
        assertThat(datasets.thumbnails()).hasSize(Math.min(shown, SampleGalleryPage.PAGE));
        Browser.screenshot(driver, "lead-dataset-gallery");

        long second = ready("lead", upload("lead", project, "fashion-cue", tinyArchive()));
        assertThat(datasets.compare()).isEqualTo(
                "fashion-cue v1 → fashion-cue v2: 0 added, 0 removed, 340 unchanged, "
                        + "0 moved to another label or split (by image content).");
        Browser.screenshot(driver, "lead-dataset-diff");

        datasets.deleteSelected();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !datasets.listed("fashion-cue v1"));
        assertThat(datasets.listed("fashion-cue v2")).isTrue();
        assertThat(get("lead", "/api/v1/datasets/" + second + "/samples?limit=1").getBody()).hasSize(1);
    }

    /** The gallery's page size, as the view uses it. */
    private static final class SampleGalleryPage {
        static final int PAGE = SampleGallery.PAGE;
    }
}
