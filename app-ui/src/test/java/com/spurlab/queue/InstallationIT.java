package com.spurlab.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.ui.Browser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.HttpStatus;

/**
 * The packaged jar on one data folder, started as an operator would: first with the demo (its banner
 * names the real address; a password generated for this folder, none well known), then without it (the
 * demo's accounts stop, leftovers of a killed process are swept, and the installation asks for its first
 * administrator through the one-time setup page).
 */
class InstallationIT {

    @Test
    void theDemoIsAChoiceAndAnInstallationWithoutItAsksForItsFirstAdministrator() throws Exception {
        Path work = Files.createTempDirectory("spurlab-install-it-");
        Path data = work.resolve("data");
        List<String> common = List.of("--spurlab.data-dir=" + data,
                "--spurlab.demo.fashion-mnist-dir=" + work.resolve("no-fashion-mnist"));

        String password;
        try (NodeProcess demo = NodeProcess.start("demo", work, with(common, "--spring.profiles.active=demo",
                "--spurlab.demo.password="))) {
            password = Files.readString(data.resolve("demo-password")).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(16);
            assertThat(mode(data.resolve("demo-password"))).isEqualTo("rw-------");
            assertThat(demo.log()).contains("SpurLab DEMO").contains("Sign in at http://127.0.0.1:" + demo.port + " ")
                    .contains("password " + password);
            assertThat(status(demo, "lead", password)).isEqualTo(HttpStatus.OK);
            assertThat(status(demo, "admin", "demo")).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(mode(data)).isEqualTo("rwx------");
            try (Stream<Path> db = Files.list(data.resolve("db"))) {
                assertThat(db.filter(Files::isRegularFile).toList()).isNotEmpty()
                        .allSatisfy(f -> assertThat(mode(f)).isEqualTo("rw-------"));
            }
        }

        // What a process killed mid-upload or mid-validation leaves behind.
        Instant longAgo = Instant.now().minus(Duration.ofHours(2));
        List<Path> leftovers = List.of(data.resolve("uploads/incoming-4711.part"),
                data.resolve("blobs/ab/ab0123.tmp"), data.resolve("uploads/multipart/upload_1_2.tmp"));
        for (Path leftover : leftovers) {
            Files.createDirectories(leftover.getParent());
            Files.writeString(leftover, "half written");
            Files.setLastModifiedTime(leftover, FileTime.from(longAgo));
        }

        try (NodeProcess real = NodeProcess.start("no-demo", work, common)) {
            assertThat(status(real, "lead", password)).as("demo accounts are off").isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(status(real, "admin", password)).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(leftovers).allSatisfy(leftover -> assertThat(leftover).doesNotExist());
            Path codeFile = data.resolve("setup-code");
            assertThat(mode(codeFile)).isEqualTo("rw-------");
            assertThat(real.log()).contains("no administrator yet").contains("http://127.0.0.1:" + real.port + "/setup");
            String code = Files.readString(codeFile).strip();

            WebDriver driver = Browser.start();
            try {
                var wait = new WebDriverWait(driver, Duration.ofSeconds(60));
                String base = "http://127.0.0.1:" + real.port;
                driver.get(base + "/login");
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("setup-link")));
                assertThat(driver.findElements(By.id("demo-hint"))).isEmpty();
                Browser.screenshot(driver, "installation-login-without-admin");

                driver.get(base + "/setup");
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("setup-code")));
                type(driver, "setup-code", code);
                type(driver, "setup-username", "\b\b\b\b\bowner");
                type(driver, "setup-password", "the-owners-password");
                type(driver, "setup-repeat", "the-owners-password");
                Browser.screenshot(driver, "installation-setup");
                driver.findElement(By.id("setup-create")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name=username]")));
                assertThat(driver.findElements(By.id("setup-link"))).isEmpty();
            } finally {
                driver.quit();
            }
            assertThat(codeFile).doesNotExist();
            JsonNode me = real.api("owner", "the-owners-password").get().uri("/api/v1/me").retrieve()
                    .body(JsonNode.class);
            assertThat(me.get("role").asText()).isEqualTo("ADMIN");
        }
    }

    private static HttpStatus status(NodeProcess node, String user, String password) {
        return HttpStatus.valueOf(node.api(user, password).get().uri("/api/v1/me").retrieve()
                .toBodilessEntity().getStatusCode().value());
    }

    private static void type(WebDriver driver, String id, String text) {
        driver.findElement(By.id(id)).findElement(By.cssSelector("input")).sendKeys(text);
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> with(List<String> common, String... more) {
        return Stream.concat(common.stream(), Stream.of(more)).toList();
    }
}
