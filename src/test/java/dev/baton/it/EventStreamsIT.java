package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A device's event streams over time: a heartbeat on each, a cap per device, and the slot of a
 * stream whose client has gone freed by the next heartbeat that fails to reach it.
 */
@ExtendWith(SharedBaton.class)
class EventStreamsIT {

    private static final Duration HEARTBEAT = SharedBaton.HEARTBEAT;

    private final Clerk clerk = Clerk.fresh();

    @Test
    void anOpenStreamHearsAPingEveryHeartbeat() {
        Clerk.Device phone = clerk.register("phone");
        try (DeviceEvents events = DeviceEvents.listen(clerk, phone)) {
            Instant first = events.awaitPing(HEARTBEAT.multipliedBy(3));
            Instant last = first;
            for (int i = 0; i < 3; i++) {
                last = events.awaitPing(HEARTBEAT.multipliedBy(3));
            }
            // On average: a busy machine may hold one ping back and send the next one sooner.
            Duration gap = Duration.between(first, last).dividedBy(3);
            assertTrue(gap.compareTo(HEARTBEAT.dividedBy(2)) > 0 && gap.compareTo(HEARTBEAT.multipliedBy(2)) < 0,
                    () -> "pings " + gap + " apart, not about " + HEARTBEAT);
        }
    }

    @Test
    void aDeviceHoldsAtMostItsCapOfStreamsAndClosingOneFreesASlot() {
        Clerk.Device phone = clerk.register("phone");
        List<DeviceEvents> open = new ArrayList<>();
        try {
            for (int i = 0; i < SharedBaton.MAX_STREAMS_PER_DEVICE; i++) {
                open.add(DeviceEvents.listen(clerk, phone));
            }
            Attempt over = openStream(phone);
            assertEquals(429, over.status());
            assertEquals("too-many-streams", over.code());
            assertEquals(Long.toString(HEARTBEAT.toSeconds()), over.retryAfter());
            assertEquals(200, openStream(clerk.register("desktop")).status(), "another device has slots of its own");

            open.remove(0).close();
            assertTrue(aSlotFrees(phone), "closing a stream frees its slot");
        } finally {
            open.forEach(DeviceEvents::close);
        }
    }

    @Test
    void aClientThatVanishesIsDroppedAtTheNextHeartbeat() throws IOException {
        Clerk.Device phone = clerk.register("phone");
        List<DeviceEvents> open = new ArrayList<>();
        try (Socket vanishing = new Socket("127.0.0.1", SharedBaton.server().base().getPort())) {
            vanishing.setSoTimeout(10_000);
            vanishing.getOutputStream().write(("GET /api/v1/devices/" + phone.id() + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + clerk.jwt() + "\r\nBaton-Device-Token: " + phone.token()
                    + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            readUntil(vanishing.getInputStream(), "event: ready");
            for (int i = 1; i < SharedBaton.MAX_STREAMS_PER_DEVICE; i++) {
                open.add(DeviceEvents.listen(clerk, phone));
            }
            assertEquals("too-many-streams", openStream(phone).code());

            vanishing.setSoLinger(true, 0); // a reset, as when a phone drops off the network
            vanishing.close();
            assertTrue(aSlotFrees(phone), "the vanished client's stream is dropped");
        } finally {
            open.forEach(DeviceEvents::close);
        }
    }

    /**
     * Whether a stream of {@code device} opens within three heartbeats: the first ping after a
     * client has gone may still be taken by the network, the next one fails.
     */
    private boolean aSlotFrees(Clerk.Device device) {
        Instant deadline = Instant.now().plus(HEARTBEAT.multipliedBy(3));
        while (Instant.now().isBefore(deadline)) {
            Attempt attempt = openStream(device);
            if (attempt.status() == 200) {
                return true;
            }
            assertEquals("too-many-streams", attempt.code());
            BatonServer.sleep(Duration.ofMillis(200));
        }
        return false;
    }

    /** An attempt to open a stream: a 200 is closed at once (its body never ends), a refusal read. */
    private record Attempt(int status, String code, String retryAfter) {
    }

    private Attempt openStream(Clerk.Device device) {
        HttpRequest request = clerk.api.get("devices/" + device.id() + "/events").bearer(clerk.jwt()).device(device.token())
                .header("Accept", "text/event-stream").request();
        try {
            HttpResponse<InputStream> answer = Api.CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = answer.body()) {
                if (answer.statusCode() == 200) {
                    return new Attempt(200, null, null);
                }
                JsonObject problem = Json.createReader(body).readObject();
                assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
                return new Attempt(answer.statusCode(), problem.getString("code"), answer.headers().firstValue("Retry-After").orElse(null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void readUntil(InputStream in, String wanted) throws IOException {
        StringBuilder seen = new StringBuilder();
        for (int b; !seen.toString().contains(wanted) && (b = in.read()) >= 0; ) {
            seen.append((char) b);
        }
        assertTrue(seen.toString().contains(wanted), () -> "no '" + wanted + "' in " + seen);
    }
}
