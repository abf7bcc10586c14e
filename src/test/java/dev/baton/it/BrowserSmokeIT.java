package dev.baton.it;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browser harness against a real Baton in demo mode: pages load, screenshots land, console errors are caught. */
class BrowserSmokeIT {

    private static final BatonServer SERVER = new BatonServer("browser-smoke", Map.of("BATON_DEMO", "true"));

    @BeforeAll
    static void start() {
        SERVER.start();
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @Test
    void aPhoneLoadsTheRootWithoutConsoleErrors() {
        try (Browser phone = new Browser("smoke-phone", Browser.PHONE)) {
            phone.open(SERVER.base());
            assertTrue(phone.text(By.tagName("body")).contains("Baton"), phone.driver().getPageSource());
            assertTrue(Files.isRegularFile(phone.screenshot("root")));
            phone.assertNoConsoleErrors();
        }
    }

    @Test
    void aConsoleErrorFailsTheConsoleCheck() {
        try (Browser desktop = new Browser("smoke-desktop", Browser.DESKTOP)) {
            desktop.open(SERVER.base());
            ((JavascriptExecutor) desktop.driver()).executeScript("console.error('deliberate')");
            AssertionError failure = assertThrows(AssertionError.class, desktop::assertNoConsoleErrors);
            assertTrue(failure.getMessage().contains("deliberate"), failure.getMessage());
        }
    }
}
