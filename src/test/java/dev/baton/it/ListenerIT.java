package dev.baton.it;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What reaches the HTTP listener before any of Baton's code: a header section over Baton's limit
 * (64 KiB) is 431 problem+json on HTTP/1.1 and on h2c; one over the listener's own limit (128 KiB)
 * is still a 4xx. Headers that take longer than {@link SharedBaton#HEADER_TIMEOUT} from their first
 * byte are 408 and the connection closed; slow but complete ones, idle kept-alive connections and
 * HTTP/2 streams are not.
 */
@ExtendWith(SharedBaton.class)
class ListenerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final int KB = 1024;

    private final Clerk clerk = Clerk.fresh();
    private final Api api = clerk.api;

    @Test
    void headersOverTheLimitAreRefusedWith431OverHttp11() throws IOException {
        String under = rawGet(60 * KB);
        assertEquals(200, RawHttp.status(under), under);
        String over = rawGet(66 * KB);
        assertEquals(431, RawHttp.status(over), over);
        assertTrue(over.toLowerCase().contains("content-type: application/problem+json"), over);
        assertTrue(over.contains("\"code\":\"headers-too-large\""), over);
        assertTrue(over.toLowerCase().contains("x-content-type-options: nosniff"), over);
    }

    @Test
    void headersOverTheListenersOwnLimitAreStillAClientError() throws IOException {
        String answer = rawGet(200 * KB);
        int status = RawHttp.status(answer);
        assertTrue(status >= 400 && status < 500, answer);
    }

    @Test
    void headersOverTheLimitAreRefusedWith431OverH2c() {
        for (String offeredOrUpgraded : new String[] {"offered", "upgraded"}) {
            HttpClient client = HttpClient.newHttpClient();
            if (offeredOrUpgraded.equals("upgraded")) {
                Reply first = send(client, api.get("/").request());
                assertEquals(HttpClient.Version.HTTP_2, first.raw().version());
            }
            Reply over = send(client, padded(66 * KB));
            assertEquals(431, over.status(), () -> offeredOrUpgraded + ": " + over);
            assertEquals("headers-too-large", over.code());
            assertEquals(HttpClient.Version.HTTP_2, over.raw().version(), offeredOrUpgraded);
            Reply under = send(client, padded(60 * KB));
            assertEquals(200, under.status(), () -> offeredOrUpgraded + ": " + under);
        }
    }

    @Test
    void aClientTricklingItsHeadersIsAnswered408AndCutOff() throws IOException {
        try (RawHttp raw = new RawHttp(Duration.ofMillis(500))) {
            raw.send("GET /api/v1/devices HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
            Instant start = Instant.now();
            String answer = raw.trickle('s', SharedBaton.HEADER_TIMEOUT.multipliedBy(5));
            Duration took = Duration.between(start, Instant.now());
            assertTrue(took.compareTo(SharedBaton.HEADER_TIMEOUT.plusSeconds(3)) < 0, took::toString);
            assertEquals(408, RawHttp.status(answer), answer);
            assertTrue(answer.contains("\"code\":\"request-timeout\""), answer);
        }
    }

    @Test
    void aSlowButCompleteRequestAndAConnectionIdleBetweenRequestsAreServed() throws IOException {
        String head = "GET /api/v1/devices HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + clerk.jwt() + "\r\n\r\n";
        Duration pause = SharedBaton.HEADER_TIMEOUT.dividedBy(4);
        try (RawHttp raw = new RawHttp(PATIENCE)) {
            for (int part = 0; part < 3; part++) {
                raw.send(head.substring(part * head.length() / 3, (part + 1) * head.length() / 3));
                BatonServer.sleep(pause);
            }
            String first = raw.answer();
            assertEquals(200, RawHttp.status(first), first);
            BatonServer.sleep(SharedBaton.HEADER_TIMEOUT.plusSeconds(1));
            String second = raw.send(head).answer();
            assertEquals(200, RawHttp.status(second), second);
        }
    }

    @Test
    void anEventStreamOverHttp2OutlivesTheHeaderTimeout() {
        Clerk.Device desktop = clerk.register("desktop");
        Clerk.Device phone = clerk.register("phone");
        try (DeviceEvents events = DeviceEvents.listen(clerk, phone, HttpClient.newHttpClient())) {
            assertEquals(HttpClient.Version.HTTP_2, events.answer().version());
            BatonServer.sleep(SharedBaton.HEADER_TIMEOUT.plusSeconds(2));
            clerk.offer(desktop, clerk.open(desktop), phone);
            events.await("transfer-offered", PATIENCE);
        }
    }

    /** A GET of the caller's devices whose request line and headers come to about {@code size} bytes. */
    private String rawGet(int size) throws IOException {
        String head = "GET /api/v1/devices HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + clerk.jwt() + "\r\n";
        head += "X-Pad: " + "p".repeat(size - head.length() - 13) + "\r\n\r\n";
        try (RawHttp raw = new RawHttp(PATIENCE)) {
            return raw.send(head).answer();
        }
    }

    private HttpRequest padded(int size) {
        return api.get("devices").bearer(clerk.jwt()).header("X-Pad", "p".repeat(size)).request();
    }

    private static Reply send(HttpClient client, HttpRequest request) {
        return Api.send(client, HttpRequest.newBuilder(request, (name, value) -> true).timeout(PATIENCE).build());
    }
}
