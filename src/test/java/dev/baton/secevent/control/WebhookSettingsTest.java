package dev.baton.secevent.control;

import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSettingsTest {

    private static final Optional<String> SECRET = Optional.of("0123456789abcdef0123456789abcdef");

    @Test
    void noUrlIsNoWebhookWhateverTheSecret() {
        assertTrue(WebhookSettings.target(Optional.empty(), SECRET).isEmpty());
        assertTrue(WebhookSettings.target(Optional.of("  "), Optional.empty()).isEmpty());
    }

    @Test
    void anHttpOrHttpsUrlWithALongEnoughSecretIsTheWebhook() {
        assertEquals("https://siem.example/baton/events",
                WebhookSettings.target(Optional.of("https://siem.example/baton/events"), SECRET).orElseThrow().url().toString());
        assertEquals(32, WebhookSettings.target(Optional.of("HTTP://127.0.0.1:9000/"), SECRET).orElseThrow().key().length);
    }

    @Test
    void aUrlThatIsNotHttpOrHttpsStopsTheStart() {
        for (String bad : new String[] {"ftp://siem.example/", "siem.example/events", "file:/tmp/events", "https:///nohost",
                "http://exa mple/", "https://user:pw@siem.example/", "https://siem.example/#frag"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> WebhookSettings.target(Optional.of(bad), SECRET), bad);
            assertTrue(refused.getMessage().startsWith("baton.events.webhook.url"), refused.getMessage());
        }
    }

    @Test
    void aUrlWithoutASecretOrWithAShortOneStopsTheStartWithoutShowingIt() {
        assertThrows(IllegalArgumentException.class, () -> WebhookSettings.target(Optional.of("https://siem.example/"), Optional.empty()));
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> WebhookSettings.target(Optional.of("https://siem.example/"), Optional.of("short-secret-31-bytes-long-xxxx")));
        assertTrue(tooShort.getMessage().contains("at least 32 bytes"), tooShort.getMessage());
        assertTrue(!tooShort.getMessage().contains("short-secret"), "the secret is never shown");
    }
}
