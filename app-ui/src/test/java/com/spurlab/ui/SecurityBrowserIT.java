package com.spurlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.core.user.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

/**
 * The UI in a real headless Chromium under the Content-Security-Policy: the login form (with its CSRF
 * token), the account page (password, tokens), the admins' users page, a session that ends when its
 * account is disabled, the lock message after failed sign-ins, and the API's Swagger page.
 */
class SecurityBrowserIT extends BrowserITSupport {

    private final List<String> console = new ArrayList<>();

    @Test
    void aUserIssuesAndRevokesATokenAndChangesTheirPasswordUnderTheCsp() {
        String name = user(Role.LEAD);
        driver.get(baseUrl() + "/login");
        wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name=username]")));
        Browser.screenshot(driver, "security-login");
        new LoginPage(driver, baseUrl()).signIn(name, PASSWORD);
        driver.findElement(By.id("account")).click();
        wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("issue-token"))).click();
        WebElement issued = wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("issued-token")));
        String token = wait(driver).until(d -> {
            String value = issued.getDomProperty("value");
            return value != null && value.startsWith("spl_") ? value : null;
        });
        Browser.screenshot(driver, "security-account-token");
        RestClient bearer = RestClient.builder().baseUrl(baseUrl()).defaultHeaders(h -> h.setBearerAuth(token))
                .defaultStatusHandler(s -> true, (req, res) -> { }).build();
        assertThat(bearer.get().uri("/api/v1/me").retrieve().toEntity(JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        driver.findElement(By.xpath("//vaadin-button[normalize-space(.)='Close']")).click();

        wait(driver).until(d -> !d.findElements(By.xpath("//vaadin-button[normalize-space(.)='Revoke']")).isEmpty());
        driver.findElement(By.xpath("//vaadin-button[normalize-space(.)='Revoke']")).click();
        wait(driver).until(d -> bearer.get().uri("/api/v1/me").retrieve().toEntity(JsonNode.class).getStatusCode()
                == HttpStatus.UNAUTHORIZED);

        type("current-password", PASSWORD);
        type("new-password", "a-new-long-password");
        type("repeat-password", "a-new-long-password");
        driver.findElement(By.id("change-password")).click();
        wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name=username]")));
        new LoginPage(driver, baseUrl()).signIn(name, "a-new-long-password");
        collectConsole();
        assertThat(console).noneMatch(m -> m.contains("Content Security Policy"));
    }

    @Test
    void disablingAnAccountEndsItsOpenSessionAtOnceAndAdminsSeeIt() {
        String victim = user(Role.EXECUTIVE);
        new LoginPage(driver, baseUrl()).signIn(victim, PASSWORD);
        long id = users.findByUsername(victim).orElseThrow().getId();

        assertThat(post("admin", "/api/v1/users/" + id + "/disable", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
        driver.findElement(By.id("account")).click();
        wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name=username]")));
        assertThat(driver.getCurrentUrl()).contains("/login");
        collectConsole();

        driver.manage().deleteAllCookies();
        new LoginPage(driver, baseUrl()).signIn("admin", PASSWORD);
        driver.get(baseUrl() + "/admin/users");
        String grid = wait(driver).until(d -> {
            String text = d.findElement(By.id("users")).getText();
            return text.contains(victim) ? text : null;
        });
        assertThat(grid).contains("disabled");
        Browser.screenshot(driver, "security-admin-users");
        collectConsole();
        assertThat(console).noneMatch(m -> m.contains("Content Security Policy"));
    }

    @Test
    void failedSignInsShowTheLockOnTheLoginPage() throws InterruptedException {
        String name = user(Role.VENDOR);
        RestClient guesser = RestClient.builder().baseUrl(baseUrl())
                .defaultHeaders(h -> h.setBasicAuth(name, "not-the-password"))
                .defaultStatusHandler(s -> true, (req, res) -> { }).build();
        try {
            // Seven wrong guesses over HTTP Basic, spaced by the growing waits: the account now waits 8 s.
            for (int i = 1; i <= 7; i++) {
                assertThat(guesser.get().uri("/api/v1/me").retrieve().toBodilessEntity().getStatusCode().value())
                        .isEqualTo(401);
                Thread.sleep(i < 4 ? 0 : 1100L << (i - 4));
            }
            guesser.get().uri("/api/v1/me").retrieve().toBodilessEntity();
            // The form shares the count: even the right password is refused while the account waits.
            attempt(name, PASSWORD);
            wait(driver).until(ExpectedConditions.urlContains("locked"));
            String message = wait(driver).until(d -> {
                Object text = ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "const f = document.querySelector('vaadin-login-form'); return f && f.i18n "
                                + "&& f.error ? f.i18n.errorMessage.title : null;");
                return text == null ? null : text.toString();
            });
            assertThat(message).isEqualTo("Too many failed sign-ins");
            Browser.screenshot(driver, "security-login-locked");
        } finally {
            post("admin", "/api/v1/users/locks/unlock", Map.of("account", "127.0.0.1"));
            post("admin", "/api/v1/users/locks/unlock", Map.of("account", "0:0:0:0:0:0:0:1"));
        }
    }

    @Test
    void theApiDocsPageRendersUnderThePolicy() {
        driver.get(baseUrl() + "/api/docs");
        wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .info .title")));
        wait(driver).until(d -> !d.findElements(By.cssSelector(".opblock-tag")).isEmpty());
        Browser.screenshot(driver, "security-api-docs");
        collectConsole();
        assertThat(console).noneMatch(m -> m.contains("Content Security Policy"));
    }

    private void attempt(String username, String password) {
        driver.get(baseUrl() + "/login");
        wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name=username]")))
                .sendKeys(username);
        driver.findElement(By.cssSelector("input[name=password]")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-button[slot=submit]")).click();
    }

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id)).findElement(By.cssSelector("input"));
        field.sendKeys(text);
    }

    private void collectConsole() {
        console.addAll(Browser.consoleMessages(driver));
    }

    private String user(Role role) {
        String name = role.name().toLowerCase(java.util.Locale.ROOT) + "-" + System.nanoTime();
        users.createUnchecked(name, PASSWORD, role, name);
        return name;
    }

    private static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }
}
