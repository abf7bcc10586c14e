package dev.baton.secevent.control;

import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookTest {

    @Test
    void any2xxIsDelivered() {
        assertTrue(Webhook.answer(202, "").delivered());
        assertTrue(Webhook.answer(200, "{}").delivered());
        assertTrue(Webhook.answer(204, null).delivered());
    }

    @Test
    void aRefusalOfTheTokenItselfConcernsThatEventOnlyAndKeepsItsErrorCode() {
        Webhook.Answer refused = Webhook.answer(400, "{\"err\":\"invalid_key\",\"description\":\"Key ID unknown\"}");
        assertFalse(refused.delivered());
        assertTrue(refused.refusedEvent());
        assertEquals("HTTP 400 invalid_key", refused.description());
    }

    @Test
    void outagesOverloadAndRedirectsConcernTheWebhookAsAWhole() {
        for (int status : new int[] {500, 502, 503, 504, 408, 429, 301, 307}) {
            Webhook.Answer answer = Webhook.answer(status, "<html>busy</html>");
            assertFalse(answer.delivered() || answer.refusedEvent(), "HTTP " + status);
        }
    }

    @Test
    void backoffDoublesFromTheFirstUpToTheCap() {
        Duration second = Duration.ofSeconds(1);
        Duration cap = Duration.ofMinutes(5);
        assertEquals(Duration.ofSeconds(1), WebhookSender.backoff(1, second, cap));
        assertEquals(Duration.ofSeconds(2), WebhookSender.backoff(2, second, cap));
        assertEquals(Duration.ofSeconds(256), WebhookSender.backoff(9, second, cap));
        assertEquals(cap, WebhookSender.backoff(10, second, cap));
        assertEquals(cap, WebhookSender.backoff(Integer.MAX_VALUE, second, cap));
    }
}
