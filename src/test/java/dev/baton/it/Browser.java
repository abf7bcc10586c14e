package dev.baton.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * One device with a real browser: Debian's headless Chromium driven by its own chromedriver, with a
 * fresh profile under {@code target/browser-profiles/}, so two instances share no cookies, storage or
 * IndexedDB, and its viewport is exactly {@link #DESKTOP} or {@link #PHONE} (a width, no mobile user
 * agent). It collects the pages' console errors for {@link #assertNoConsoleErrors()} and writes
 * numbered screenshots to {@code target/screenshots/<name>/}; the name must be unique within a run.
 */
public final class Browser implements AutoCloseable {

    public static final Dimension DESKTOP = new Dimension(1280, 800);
    public static final Dimension PHONE = new Dimension(390, 844);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern API_REFUSAL =
            Pattern.compile("^\\S+/api/v1/\\S* - Failed to load resource: the server responded with a status of 4\\d\\d ");

    private final String name;
    private final Path screenshots;
    private final ChromeDriver driver;
    private final List<String> consoleErrors = new ArrayList<>();
    private int shots;

    public Browser(String name, Dimension size) {
        this.name = name;
        this.screenshots = Path.of("target", "screenshots", name);
        try {
            Files.createDirectories(screenshots);
            try (Stream<Path> old = Files.list(screenshots)) {
                old.forEach(shot -> shot.toFile().delete());
            }
            Path profiles = Files.createDirectories(Path.of("target", "browser-profiles"));
            Path profile = Files.createTempDirectory(profiles, name + "-").toAbsolutePath();
            this.driver = new ChromeDriver(service(), options(profile, size));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The system's chromedriver, so that Selenium Manager never looks for (or downloads) one. */
    private static ChromeDriverService service() {
        return new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    }

    private static ChromeOptions options(Path profile, Dimension size) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // As root Chromium refuses to start without --no-sandbox.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        // Tests stay on loopback, but Chromium calls Google (component updates, time, accounts) even
        // with chromedriver's --disable-background-networking: nothing resolves but loopback.
        options.addArguments("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1");
        // The page's viewport is exactly this size: --window-size is the outer window (the viewport is
        // 143 px shorter) and headless windows are at least 500 px wide.
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", size.getWidth(), "height", size.getHeight(), "pixelRatio", 1.0, "mobile", false, "touch", false)));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, Level.ALL.getName()));
        return options;
    }

    /** For what the helpers here do not cover. */
    public WebDriver driver() {
        return driver;
    }

    public void open(URI address) {
        driver.get(address.toString());
    }

    /** The element once it is visible; fails after {@code timeout}. */
    public WebElement await(By locator, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** The visible text of the element, waiting for it as {@link #await} does, up to ten seconds. */
    public String text(By locator) {
        return await(locator, WAIT).getText();
    }

    /** Writes {@code target/screenshots/<name>/<NN>-<step>.png} and answers its path. */
    public Path screenshot(String step) {
        Path file = screenshots.resolve(String.format("%02d-%s.png", ++shots, step));
        try {
            return Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails listing every console error and uncaught exception (promise rejections too) the pages have
     * had so far. Chromium also logs each response of 400 or more as an error; Baton's refusals of API
     * calls (4xx under {@code /api/v1/}) are outcomes the pages handle and show, so only those pass.
     */
    public void assertNoConsoleErrors() {
        // Reading the log empties chromedriver's buffer, so errors are kept here.
        driver.manage().logs().get(LogType.BROWSER).getAll().stream().filter(entry -> entry.getLevel().equals(Level.SEVERE))
                .map(LogEntry::getMessage).filter(message -> !API_REFUSAL.matcher(message).find()).forEach(consoleErrors::add);
        if (!consoleErrors.isEmpty()) {
            fail(name + " has console errors:\n" + String.join("\n", consoleErrors));
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
