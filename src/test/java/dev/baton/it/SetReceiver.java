package dev.baton.it;

import com.nimbusds.jose.JWSObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A security events webhook on 127.0.0.1, as a SIEM would run one: it records every token POSTed
 * to {@code /events} and answers as the test says — 202, 503, or, holding, 202 only once released
 * (the caller may be dead by then). Stopped and started again, it is a connection refused between.
 */
final class SetReceiver implements AutoCloseable {

    enum Mode { ACCEPT, UNAVAILABLE, HOLD }

    /** One POST as it arrived, and what it was answered. */
    record Delivery(Instant at, String token, String contentType, String accept, int answered, boolean held) {

        boolean accepted() {
            return answered == 202;
        }

        JWSObject jws() {
            try {
                return JWSObject.parse(token);
            } catch (ParseException e) {
                throw new AssertionError("Not a JWS: " + token, e);
            }
        }

        JsonObject claims() {
            try (var reader = Json.createReader(new StringReader(jws().getPayload().toString()))) {
                return reader.readObject();
            }
        }

        String jti() {
            return claims().getString("jti");
        }

        /** The event's type, the last segment of its URI ({@code device-revoked}). */
        String type() {
            String uri = claims().getJsonObject("events").keySet().iterator().next();
            return uri.substring(uri.lastIndexOf('/') + 1);
        }

        /** The one event's members. */
        JsonObject event() {
            return claims().getJsonObject("events").values().iterator().next().asJsonObject();
        }

        String subject() {
            JsonObject subject = claims().getJsonObject("sub_id");
            return subject == null ? null : subject.getString("sub", subject.getString("id", null));
        }
    }

    private final int port = BatonServer.freePort();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.ACCEPT;
    private volatile Predicate<Delivery> refused = set -> false;
    private volatile int refusal;
    private volatile CountDownLatch released = new CountDownLatch(1);
    private volatile CountDownLatch holding = new CountDownLatch(1);
    private HttpServer server;
    private ExecutorService threads;

    URI url() {
        return URI.create("http://127.0.0.1:" + port + "/events");
    }

    /** Listens (again) on the same port. */
    synchronized SetReceiver start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.createContext("/events", this::receive);
        server.start();
        return this;
    }

    /** No longer listens: a connection is refused. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        release();
        stop();
    }

    void answer(Mode mode) {
        if (mode == Mode.HOLD) {
            released = new CountDownLatch(1);
            holding = new CountDownLatch(1);
        }
        this.mode = mode;
    }

    /**
     * Answers {@code status} to the tokens that match, whatever the mode: 400 with RFC 8935's
     * {@code {"err":"invalid_request"}} says the webhook refuses that token; 503 makes the webhook
     * look down while that token is tried.
     */
    void refuse(Predicate<Delivery> which, int status) {
        refusal = status;
        refused = which;
    }

    void refuseNone() {
        refused = set -> false;
    }

    /** Waits until a POST is held; false if none came in time. */
    boolean awaitHeld(Duration timeout) throws InterruptedException {
        return holding.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Answers the held POSTs, and accepts from now on. */
    void release() {
        mode = Mode.ACCEPT;
        released.countDown();
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The deliveries after the first {@code count}. */
    List<Delivery> since(int count) {
        List<Delivery> all = deliveries();
        return all.subList(Math.min(count, all.size()), all.size());
    }

    List<Delivery> accepted(Predicate<Delivery> which) {
        return deliveries.stream().filter(Delivery::accepted).filter(which).toList();
    }

    /** Waits until {@code count} distinct events that match have been accepted; answers them, one delivery each. */
    List<Delivery> await(Predicate<Delivery> which, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Delivery> distinct = accepted(which).stream()
                    .collect(java.util.stream.Collectors.toMap(Delivery::jti, d -> d, (first, again) -> first,
                            java.util.LinkedHashMap::new))
                    .values().stream().toList();
            if (distinct.size() >= count || Instant.now().isAfter(deadline)) {
                return distinct;
            }
            BatonServer.sleep(Duration.ofMillis(200));
        }
    }

    /** Waits until {@code count} accepted deliveries match, the same event twice counting twice; answers them. */
    List<Delivery> awaitDeliveries(Predicate<Delivery> which, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<Delivery> matching = accepted(which);
        while (matching.size() < count && Instant.now().isBefore(deadline)) {
            BatonServer.sleep(Duration.ofMillis(200));
            matching = accepted(which);
        }
        return matching;
    }

    private void receive(HttpExchange exchange) {
        try (InputStream body = exchange.getRequestBody()) {
            String token = new String(body.readAllBytes(), StandardCharsets.US_ASCII);
            Mode now = mode;
            Delivery arrived = new Delivery(Instant.now(), token, exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Accept"), 0, false);
            int status = refused.test(arrived) ? refusal : now == Mode.UNAVAILABLE ? 503 : 202;
            boolean held = status == 202 && now == Mode.HOLD;
            deliveries.add(new Delivery(arrived.at(), token, arrived.contentType(), arrived.accept(), status, held));
            if (held) {
                holding.countDown();
                released.await(120, TimeUnit.SECONDS);
            }
            byte[] answer = status == 400 ? "{\"err\":\"invalid_request\",\"description\":\"refused by the test\"}"
                    .getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        } catch (IOException callerGone) {
            // a held POST whose caller was killed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }
}
