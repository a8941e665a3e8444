package com.spurlab.ui;

import com.spurlab.AppITSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;

/** The whole application plus a fresh headless Chromium per test. */
abstract class BrowserITSupport extends AppITSupport {

    protected WebDriver driver;

    @BeforeEach
    void startBrowser() {
        driver = Browser.start();
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }
}
