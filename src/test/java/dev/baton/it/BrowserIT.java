package dev.baton.it;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages a clerk sees, in two real browsers at once: a desktop and a phone, each a headless
 * Chromium with its own profile (its own device key in IndexedDB), against Baton in demo mode. Every
 * step is photographed under {@code target/screenshots/}; no page may log a console error.
 */
class BrowserIT {

    private static final Duration TRANSFER_TTL = Duration.ofSeconds(15);
    private static final Duration PROHIBITION = Duration.ofSeconds(8);
    /** A claim needs a sign-in this recent: long enough for every other test's claim, short enough to outwait. */
    private static final Duration MAX_SIGN_IN_AGE = Duration.ofSeconds(40);
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static BatonServer server;
    private Browser desktop;
    private Browser phone;
    private String user;

    @BeforeAll
    static void start() {
        server = new BatonServer("browser", Map.of(
                "BATON_DEMO", "true",
                "BATON_TRANSFER_TTL", TRANSFER_TTL.toString(),
                "BATON_PROHIBITION_PERIOD", PROHIBITION.toString(),
                "BATON_CLAIM_MAX_TOKEN_AGE", MAX_SIGN_IN_AGE.toString()));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void twoDevices(TestInfo test) {
        String name = test.getTestMethod().orElseThrow().getName();
        user = "clerk-" + UUID.randomUUID().toString().substring(0, 8);
        desktop = new Browser(name + "-desktop", Browser.DESKTOP);
        phone = new Browser(name + "-phone", Browser.PHONE);
    }

    @AfterEach
    void noConsoleErrors() {
        try {
            desktop.assertNoConsoleErrors();
            phone.assertNoConsoleErrors();
        } finally {
            desktop.close();
            phone.close();
        }
    }

    @Test
    void aLoanFormMovesFromTheDesktopToThePhoneByItsQrCode() throws Exception {
        register(desktop, "Office PC", "desktop");
        register(phone, "Pixel", "phone");
        phone.open(page("app/loan.html"));
        awaitText(phone, By.id("live"), "Live notices on");

        desktop.open(page("app/loan.html"));
        desktop.await(By.id("start"), WAIT).click();
        type(desktop, "applicant", "Ada Lovelace");
        type(desktop, "amount", "25000");
        type(desktop, "term", "48");
        awaitText(desktop, By.id("saved"), "All changes saved (version");
        desktop.screenshot("form-saved");

        new Select(desktop.await(By.id("target"), WAIT)).selectByVisibleText("Pixel (phone, " + platform(phone) + ")");
        desktop.await(By.id("send-button"), WAIT).click();
        String code = desktop.text(By.id("claim-code-shown"));
        String link = decodeQr(desktop.await(By.id("claim-qr"), WAIT));
        assertTrue(link.startsWith(server.base() + "app/claim.html#transfer="), link);
        assertTrue(link.endsWith("&code=" + code), link);
        desktop.screenshot("offer-with-qr-code");

        awaitText(phone, By.id("offer-source"), "Office PC (desktop");
        phone.screenshot("offer-announced");
        phone.open(URI.create(link));
        WebElement prefilled = phone.await(By.id("claim-code"), WAIT);
        assertEquals(code, prefilled.getAttribute("value"));
        assertFalse(phone.driver().getCurrentUrl().contains(code), "the code is wiped from the address bar");
        phone.screenshot("prompt-from-qr-link");
        phone.await(By.id("claim"), WAIT).click();

        awaitValue(phone, "applicant", "Ada Lovelace");
        assertEquals("25000", phone.await(By.id("amount"), WAIT).getAttribute("value"));
        assertEquals("48", phone.await(By.id("term"), WAIT).getAttribute("value"));
        Path restored = phone.screenshot("form-restored-on-phone");

        awaitText(desktop, By.id("moved-title"), "Moved to Pixel (phone");
        String left = desktop.text(By.id("prohibited-for"));
        assertTrue(left.matches("0:0[0-8]"), left);
        sideBySide(desktop.screenshot("desktop-moved-and-kept-out"), restored, Path.of("target", "screenshots", "the-move.png"));
        List<JsonObject> refused = audit("ACCESS_PROHIBITED");
        assertFalse(refused.isEmpty(), "the desktop's page was refused the session");

        type(phone, "purpose", "A new roof");
        awaitText(phone, By.id("saved"), "version");
        awaitText(desktop, By.id("status"), "may take part in the session again", PROHIBITION.plusSeconds(10));
        desktop.await(By.id("start"), WAIT);
        desktop.screenshot("prohibition-ended");
    }

    @Test
    void thePhoneContinuesTheDesktopsLoanFormOnceTheDesktopApproves() {
        phoneAsksForTheDesktopsLoanForm();
        assertFalse(desktop.text(By.cssSelector("#pull-request time")).isBlank(), "when the phone asked");
        assertUnlabelledControls(desktop);
        desktop.screenshot("asked-to-continue-on-the-phone");
        desktop.await(By.id("approve"), WAIT).click();
        String code = desktop.text(By.id("pull-code-shown"));
        assertTrue(code.matches("[2-9A-HJKMNP-TV-Z]{8}"), code);
        desktop.screenshot("approved-with-the-code");

        awaitText(phone, By.id("pull-state"), "Approved");
        assertUnlabelledControls(phone);
        phone.await(By.id("pull-code"), WAIT).sendKeys(code, Keys.ENTER);
        awaitValue(phone, "applicant", "Ada Lovelace");
        assertEquals("25000", phone.await(By.id("amount"), WAIT).getAttribute("value"));
        phone.screenshot("form-continued-on-phone");

        awaitText(desktop, By.id("moved-title"), "Moved to Pixel (phone");
        assertTrue(desktop.driver().findElements(By.id("pull-request")).isEmpty(), "the request is done");
        desktop.screenshot("desktop-kept-out");
        assertFalse(audit("ACCESS_PROHIBITED").isEmpty(), "the desktop's page was refused the session");
        assertEquals(1, audit("PULL_APPROVED").size());
    }

    @Test
    void theDesktopDeniesThePhonesRequestAndThePhoneIsTold() {
        phoneAsksForTheDesktopsLoanForm();
        desktop.await(By.id("deny"), WAIT).click();
        awaitText(desktop, By.id("status"), "Denied");
        assertTrue(desktop.driver().findElements(By.id("pull-request")).isEmpty(), "the request is answered");
        awaitText(phone, By.id("status"), "denied the request");
        assertTrue(phone.driver().findElements(By.id("pull-form")).isEmpty(), "nothing to type any more");
        phone.screenshot("request-denied");
        assertEquals(1, audit("PULL_DENIED").size());
        assertEquals("Ada Lovelace", desktop.await(By.id("applicant"), WAIT).getAttribute("value"), "the desktop keeps the form");
    }

    @Test
    void aWrongCodeIsRefusedAndTheRightOneStillWorks() {
        offerToPhone();
        WebElement input = phone.await(By.id("claim-code"), WAIT);
        input.sendKeys("WRONG000", Keys.ENTER);
        awaitText(phone, By.id("status"), "claim-code-invalid");
        phone.screenshot("wrong-code-refused");
        input.clear();
        input.sendKeys(desktop.text(By.id("claim-code-shown")), Keys.ENTER);
        phone.await(By.id("applicant"), WAIT);
        awaitText(desktop, By.id("moved-title"), "Moved to");
    }

    @Test
    void notMeCancelsTheTransferTellsTheDesktopAndIsAudited() {
        offerToPhone();
        phone.await(By.id("not-me"), WAIT).click();
        awaitText(phone, By.id("status"), "Declined");
        phone.screenshot("declined");
        awaitText(desktop, By.id("status"), "Not me");
        desktop.screenshot("told-not-me");
        List<JsonObject> cancelled = audit("TRANSFER_CANCELLED");
        assertEquals(1, cancelled.size(), cancelled::toString);
        assertEquals("declined-by-target", cancelled.get(0).getString("reason"));
    }

    @Test
    void aClaimOnAStaleSignInAsksToSignInAgainAndThenGoesThrough() {
        register(phone, "Pixel", "phone");
        Instant signedIn = Instant.now();
        register(desktop, "Office PC", "desktop");
        phone.open(page("app/loan.html"));
        awaitText(phone, By.id("live"), "Live notices on");
        BatonServer.sleep(Duration.between(Instant.now(), signedIn.plus(MAX_SIGN_IN_AGE).plusSeconds(2)));
        desktop.open(page("app/loan.html"));
        desktop.await(By.id("start"), WAIT).click();
        desktop.await(By.id("send-button"), WAIT).click();
        String code = desktop.text(By.id("claim-code-shown"));

        phone.await(By.id("claim-code"), WAIT).sendKeys(code, Keys.ENTER);
        awaitText(phone, By.id("status"), "reauthentication-required");
        phone.screenshot("sign-in-again-asked");
        phone.await(By.id("sign-in-again"), WAIT).click();
        phone.await(By.id("applicant"), WAIT);
        awaitText(desktop, By.id("moved-title"), "Moved to Pixel");
    }

    @Test
    void theDesktopWithdrawsItsOffer() {
        offerToPhone();
        desktop.await(By.id("cancel"), WAIT).click();
        awaitText(desktop, By.id("status"), "Cancelled");
        awaitText(phone, By.id("status"), "withdrawn");
        assertTrue(phone.driver().findElements(By.id("offer")).isEmpty(), "the prompt is gone");
        assertEquals("cancelled-by-source", audit("TRANSFER_CANCELLED").get(0).getString("reason"));
    }

    @Test
    void anExpiredOfferShowsOnBothDevices() {
        offerToPhone();
        awaitText(desktop, By.id("offer-panel"), "The code expired", TRANSFER_TTL.plusSeconds(10));
        desktop.screenshot("code-expired");
        new WebDriverWait(phone.driver(), WAIT)
                .until(d -> d.findElements(By.id("offer")).isEmpty());
        awaitText(phone, By.id("status"), "expired");
        phone.screenshot("offer-gone");
    }

    @Test
    void theDeviceIsRegisteredAndRevokedByKeyboardAloneAndEveryControlHasALabel() {
        phone.open(page("app/"));
        WebElement name = phone.await(By.id("demo-user"), WAIT);
        name.clear();
        name.sendKeys(user, Keys.ENTER);
        WebElement deviceName = phone.await(By.id("device-name"), WAIT);
        assertUnlabelledControls(phone);
        deviceName.clear();
        deviceName.sendKeys("Pixel", Keys.TAB, "phone", Keys.TAB, Keys.ENTER);
        awaitText(phone, By.id("this-device"), "Pixel (phone");
        assertUnlabelledControls(phone);
        phone.screenshot("registered");
        WebElement revoke = phone.await(By.cssSelector("#devices button"), WAIT);
        assertEquals("Revoke Pixel", revoke.getAttribute("aria-label"));
        revoke.sendKeys(Keys.ENTER);
        phone.await(By.id("device-name"), WAIT);
        for (String path : List.of("app/loan.html", "app/audit.html", "app/claim.html")) {
            phone.open(page(path));
            phone.await(By.tagName("h1"), WAIT);
            assertUnlabelledControls(phone);
        }
    }

    @Test
    void anAuditorSeesTheTimelineAndAnIntactChain() {
        register(phone, "Pixel", "phone");
        desktop.open(page("app/audit.html"));
        WebElement name = desktop.await(By.id("demo-user"), WAIT);
        name.clear();
        name.sendKeys("auditor-" + user);
        desktop.await(By.id("demo-auditor"), WAIT).click();
        name.sendKeys(Keys.ENTER);
        desktop.await(By.id("f-user"), WAIT).sendKeys(user, Keys.ENTER);
        awaitText(desktop, By.cssSelector("#timeline tbody"), "device-registered");
        desktop.await(By.id("verify"), WAIT).click();
        awaitText(desktop, By.id("verdict"), "The chain is intact");
        desktop.screenshot("audit-timeline");
    }

    @Test
    void theConsoleCheckCatchesAnError() {
        try (Browser probe = new Browser("console-probe", Browser.DESKTOP)) {
            probe.open(page("app/"));
            probe.await(By.id("demo-user"), WAIT);
            probe.assertNoConsoleErrors();
            ((JavascriptExecutor) probe.driver()).executeScript("console.error('deliberate')");
            AssertionError failure = assertThrows(AssertionError.class, probe::assertNoConsoleErrors);
            assertTrue(failure.getMessage().contains("deliberate"), failure.getMessage());
        }
    }

    // ---- steps -------------------------------------------------------------------------------

    private URI page(String path) {
        return server.base().resolve(path);
    }

    private void register(Browser browser, String deviceName, String kind) {
        browser.open(page("app/"));
        WebElement name = browser.await(By.id("demo-user"), WAIT);
        name.clear();
        name.sendKeys(user, Keys.ENTER);
        WebElement device = browser.await(By.id("device-name"), WAIT);
        browser.screenshot("sign-in-done");
        device.clear();
        device.sendKeys(deviceName);
        new Select(browser.await(By.id("device-kind"), WAIT)).selectByValue(kind);
        browser.await(By.cssSelector("#register button[type=submit]"), WAIT).click();
        awaitText(browser, By.id("this-device"), deviceName + " (" + kind);
        browser.screenshot("registered");
    }

    /** Both devices registered, the phone listening, the desktop holding a loan session it offers to the phone. */
    private void offerToPhone() {
        register(desktop, "Office PC", "desktop");
        register(phone, "Pixel", "phone");
        phone.open(page("app/loan.html"));
        awaitText(phone, By.id("live"), "Live notices on");
        desktop.open(page("app/loan.html"));
        desktop.await(By.id("start"), WAIT).click();
        type(desktop, "applicant", "Grace Hopper");
        awaitText(desktop, By.id("saved"), "All changes saved (version");
        desktop.await(By.id("send-button"), WAIT).click();
        desktop.await(By.id("claim-code-shown"), WAIT);
        awaitText(phone, By.id("offer-source"), "Office PC (desktop");
    }

    /**
     * The desktop holds a loan form; the phone, registered after it, finds it among the sessions held
     * elsewhere and asks for it; the desktop is shown who asks.
     */
    private void phoneAsksForTheDesktopsLoanForm() {
        register(desktop, "Office PC", "desktop");
        desktop.open(page("app/loan.html"));
        desktop.await(By.id("start"), WAIT).click();
        type(desktop, "applicant", "Ada Lovelace");
        type(desktop, "amount", "25000");
        awaitText(desktop, By.id("saved"), "All changes saved (version");
        awaitText(desktop, By.id("live"), "Live notices on");

        register(phone, "Pixel", "phone");
        phone.open(page("app/loan.html"));
        awaitText(phone, By.id("live"), "Live notices on");
        awaitText(phone, By.id("elsewhere"), "Loan application on Office PC (desktop");
        assertUnlabelledControls(phone);
        phone.screenshot("sessions-held-elsewhere");
        phone.await(By.cssSelector("#elsewhere button"), WAIT).click();
        awaitText(phone, By.id("pull-state"), "Asked Office PC");
        awaitText(desktop, By.id("pull-asker"), "Pixel (phone, " + platform(phone) + ")");
    }

    private static void type(Browser browser, String field, String text) {
        browser.await(By.id(field), WAIT).sendKeys(text);
    }

    private static String platform(Browser browser) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("return navigator.platform || 'web'");
    }

    private static void awaitText(Browser browser, By locator, String part) {
        awaitText(browser, locator, part, WAIT);
    }

    private static void awaitText(Browser browser, By locator, String part, Duration timeout) {
        new WebDriverWait(browser.driver(), timeout)
                .withMessage(() -> "'" + part + "' in " + locator)
                .until(d -> d.findElements(locator).stream().anyMatch(e -> e.getText().contains(part)));
    }

    private static void awaitValue(Browser browser, String field, String value) {
        new WebDriverWait(browser.driver(), WAIT)
                .until(d -> d.findElements(By.id(field)).stream().anyMatch(e -> value.equals(e.getAttribute("value"))));
    }

    /** Every input, select and button has a name a screen reader announces. */
    private static void assertUnlabelledControls(Browser browser) {
        Object unlabelled = ((JavascriptExecutor) browser.driver()).executeScript(
                "return [...document.querySelectorAll('input, select, button')]"
                        + ".filter(c => !(c.labels && c.labels.length) && !c.getAttribute('aria-label') && !c.textContent.trim())"
                        + ".map(c => c.outerHTML)");
        assertEquals(List.of(), unlabelled);
    }

    /** The desktop's and the phone's screens side by side: the README's picture of the move. */
    private static void sideBySide(Path left, Path right, Path into) throws IOException {
        BufferedImage desktopScreen = ImageIO.read(left.toFile());
        BufferedImage phoneScreen = ImageIO.read(right.toFile());
        int gap = 32;
        BufferedImage both = new BufferedImage(desktopScreen.getWidth() + gap + phoneScreen.getWidth(),
                Math.max(desktopScreen.getHeight(), phoneScreen.getHeight()), BufferedImage.TYPE_INT_RGB);
        Graphics2D canvas = both.createGraphics();
        canvas.setColor(new Color(0x44, 0x4c, 0x56));
        canvas.fillRect(0, 0, both.getWidth(), both.getHeight());
        canvas.drawImage(desktopScreen, 0, 0, null);
        canvas.drawImage(phoneScreen, desktopScreen.getWidth() + gap, 0, null);
        canvas.dispose();
        ImageIO.write(both, "png", into.toFile());
    }

    /** The QR code as the phone's camera would see it on the desktop's screen. */
    private static String decodeQr(WebElement image) throws Exception {
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(image.getScreenshotAs(OutputType.BYTES)));
        int[] pixels = shot.getRGB(0, 0, shot.getWidth(), shot.getHeight(), null, 0, shot.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(shot.getWidth(), shot.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }

    private List<JsonObject> audit(String action) {
        Api api = new Api(server.base());
        String token = api.post("/dev/token").json(Json.createObjectBuilder().add("user", "auditor")
                .add("groups", Json.createArrayBuilder().add("baton-auditor")).build()).send().get("token");
        return api.get("audit?user=" + user + "&action=" + action).bearer(token).send().json()
                .getJsonArray("items").getValuesAs(JsonObject.class);
    }
}
