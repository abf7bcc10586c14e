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
        assertEquals("text/javascript; charset=utf-8", api.get("/api/docs/swagger-ui-bundle.js").send().header("Content-Type"));
        assertEquals("text/javascript; charset=utf-8", api.get("/api/docs/docs.js").send().header("Content-Type"));
        assertEquals("text/css; charset=utf-8", api.get("/api/docs/swagger-ui.css").send().header("Content-Type"));
        for (String other : List.of("index.html", "swagger-ui.js", "swagger-initializer.js", "..%2F..%2Fapp%2Fapp.js", "docs.js.map")) {
            Reply refused = api.get("/api/docs/" + other).send();
            assertEquals(404, refused.status(), other + ": " + refused);
            assertEquals("not-found", refused.code(), other);
        }
    }
}
