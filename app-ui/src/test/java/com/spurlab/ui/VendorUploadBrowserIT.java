package com.spurlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A vendor uploads a broken archive and then a good one without reloading the page, is told when each
 * validation ends, and reads every line of the rejection: each problem whole, its files, what to fix.
 */
class VendorUploadBrowserIT extends BrowserITSupport {

    @Test
    void vendorUploadsTwiceWithoutReloadingAndReadsTheRejectedReport() throws IOException {
        long project = createProject("lead", "vendor browser " + System.nanoTime(), "vendor");
        new LoginPage(driver, baseUrl()).signIn("vendor", PASSWORD);
        Browser.resize(driver, 1440);
        ProjectPage page = new ProjectPage(driver).open(baseUrl(), project);

        page.upload("shelf-photos", brokenArchive());
        awaitNotice("shelf-photos v1 was REJECTED");
        JsonNode rejected = get("vendor", "/api/v1/projects/" + project + "/datasets").getBody().get(0);
        new DatasetsTab(driver).select("shelf-photos v1");
        WebElement report = driver.findElement(By.id("validation-report"));
        String shown = report.getText();
        for (JsonNode problem : rejected.at("/report/problems")) {
            assertThat(shown).contains(problem.get("problem").asText());
            problem.get("files").forEach(f -> {
                if (!f.asText().equals(rejected.get("format").asText())) {
                    assertThat(shown).contains(f.asText());
                }
            });
            if (problem.hasNonNull("fix")) {
                assertThat(shown).contains(problem.get("fix").asText());
            }
        }
        assertThat(shown).contains("Rejected (30 rows read)").contains("missing-photo-of-a-very-long-shelf-name-0001.png");
        // Every line whole: no problem text is cut off by its box.
        assertThat(driver.findElements(By.cssSelector("#validation-report .validation-problem"))).allSatisfy(p ->
                assertThat(p.getSize().getWidth()).isGreaterThan(600));
        Browser.screenshot(driver, "vendor-rejected-report-1440");
        Browser.resize(driver, 400);
        assertThat(driver.findElements(By.cssSelector("#validation-report .validation-problem"))).allSatisfy(p ->
                assertThat(p.getRect().getX() + p.getSize().getWidth()).isLessThanOrEqualTo(400));
        assertThat(driver.findElement(By.id("sign-out")).getRect().getX() + driver.findElement(By.id("sign-out"))
                .getSize().getWidth()).isLessThanOrEqualTo(400);
        Browser.screenshot(driver, "vendor-rejected-report-400");
        Browser.resize(driver, 1440);

        // The same page, no reload: the second archive is taken and gets the number the rejection gave up.
        page.upload("shelf-photos", tinyArchive());
        awaitNotice("shelf-photos v1 is READY");
        assertThat(page.awaitDatasetStatus("READY", Duration.ofSeconds(30)))
                .contains("shelf-photos v1").contains("shelf-photos · rejected upload");
        assertThat(driver.findElement(By.cssSelector("#dataset-name input")).getAttribute("value"))
                .isEqualTo("shelf-photos");
        Browser.screenshot(driver, "vendor-second-upload-ready");

        driver.get(baseUrl() + "/admin/queue");
        WebElement error = new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("error-title")));
        assertThat(error.getText()).isEqualTo("Nothing here for you");
        Browser.screenshot(driver, "vendor-forbidden-page");
    }

    /** Waits for the notice shown when a validation ends. */
    private void awaitNotice(String text) {
        new WebDriverWait(driver, Duration.ofMinutes(2)).until(d -> d.findElements(By.cssSelector(
                "vaadin-notification-card")).stream().map(WebElement::getText).anyMatch(t -> t.contains(text)));
    }

    /** 5 good images and 25 rows naming files that are not in the archive: too many bad rows, rejected. */
    private static Path brokenArchive() throws IOException {
        Path zip = Files.createTempFile("broken-shelf-", ".zip");
        StringBuilder manifest = new StringBuilder("image,label,split\n");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < 5; i++) {
                String name = "images/ok-" + i + ".png";
                z.putNextEntry(new ZipEntry(name));
                z.write(png(i));
                z.closeEntry();
                manifest.append(name).append(',').append(i % 2 == 0 ? "shelf" : "floor").append(",train\n");
            }
            for (int i = 1; i <= 25; i++) {
                manifest.append(String.format("images/missing-photo-of-a-very-long-shelf-name-%04d.png", i))
                        .append(",shelf,").append(i % 5 == 0 ? "holdout" : "train").append('\n');
            }
            z.putNextEntry(new ZipEntry("manifest.csv"));
            z.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return zip;
    }

    private static byte[] png(int seed) throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 16; y++) {
                image.setRGB(x, y, (seed * 40 + x * 8 + y) & 0xffffff);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
