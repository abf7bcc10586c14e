package dev.baton.it;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browsable API page, {@code /api/docs/}: Swagger UI packed with Baton renders Baton's own
 * document in a real browser, with nothing fetched from elsewhere and no console error (a script or
 * style its Content-Security-Policy refuses shows there); only the page's own files are served.
 */
@ExtendWith(SharedBaton.class)
class ApiDocsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final URI base = SharedBaton.server().base();
    private final Api api = new Api(base);

    @Test
    void thePageShowsBatonsOperationsFromBatonAlone() {
        try (Browser browser = new Browser("api-docs", Browser.DESKTOP)) {
            browser.open(base.resolve("api/docs"));
            browser.await(By.cssSelector("[data-path='/api/v1/devices']"), WAIT);
            browser.screenshot("operations");
            // An operation opened: its parameters, answers and schemas drawn too.
            String device = "//div[contains(@class, 'opblock-get')][.//*[@data-path='/api/v1/devices/{id}']]";
            browser.await(By.xpath(device + "//button[contains(@class, 'opblock-summary-control')]"), WAIT).click();
            browser.await(By.xpath(device + "[contains(@class, 'is-open')]//*[contains(@class, 'responses-wrapper')]"), WAIT);
            browser.screenshot("operation-open");
            @SuppressWarnings("unchecked")
            List<String> requested = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
                    "return [location.href, ...performance.getEntriesByType('resource').map(e => e.name)]");
            String origin = base.resolve("/").toString();
            assertEquals(List.of(), requested.stream().filter(url -> !url.startsWith(origin)).toList(), "requests beyond " + origin);
            assertTrue(requested.stream().anyMatch(url -> url.contains("/openapi")), () -> "the document was not loaded: " + requested);
            browser.assertNoConsoleErrors();
        }
    }

    @Test
    void onlyThePagesOwnFilesAreServedWithTheirTypes() {
        Reply page = api.get("/api/docs/").send();
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
        assertTrue(page.header("Content-Security-Policy").contains("script-src 'self';"), page.header("Content-Security-Policy"));
        assertEquals(303, api.get("/api/docs").send().status());
        assertType("text/javascript", "swagger-ui-bundle.js");
        assertType("text/javascript", "docs.js");
        assertType("text/css", "swagger-ui.css");
        for (String other : List.of("index.html", "swagger-ui.js", "swagger-initializer.js", "oauth2-redirect.html", "docs.js.map")) {
            Reply refused = api.get("/api/docs/" + other).send();
            assertEquals(404, refused.status(), other + ": " + refused);
            assertEquals("not-found", refused.code(), other);
        }
    }

    private void assertType(String type, String file) {
        Reply reply = api.get("/api/docs/" + file).send();
        assertEquals(200, reply.status(), file);
        assertTrue(reply.header("Content-Type").startsWith(type + ";"), file + ": " + reply.header("Content-Type"));
    }
}
