package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A device's server-sent event stream, read in the background into a queue. */
public final class DeviceEvents implements AutoCloseable {

    public record Event(String name, JsonObject data) {
    }

    private final BlockingQueue<Event> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<Instant> pings = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> stream;

    private DeviceEvents(HttpClient client, Api.Call call) {
        stream = client.sendAsync(call.header("Accept", "text/event-stream").request(), HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(answer -> {
            String[] name = {null};
            answer.body().forEach(line -> {
                if (line.equals(": ping")) {
                    pings.add(Instant.now());
                } else if (line.startsWith("event:")) {
                    name[0] = line.substring(6).trim();
                } else if (line.startsWith("data:") && name[0] != null) {
                    received.add(new Event(name[0], Json.createReader(new StringReader(line.substring(5).trim())).readObject()));
                    name[0] = null;
                }
            });
        });
    }

    /** Opens the stream of {@code device} and waits until the server has registered it. */
    public static DeviceEvents listen(Clerk clerk, Clerk.Device device) {
        return listen(clerk, device, Api.CLIENT);
    }

    /** The same, with the HTTP client given. */
    public static DeviceEvents listen(Clerk clerk, Clerk.Device device, HttpClient client) {
        DeviceEvents events = new DeviceEvents(client, clerk.api.get("devices/" + device.id() + "/events")
                .bearer(clerk.jwt()).device(device.token()));
        events.await("ready", Duration.ofSeconds(10));
        return events;
    }

    /** The stream's answer (its headers; its body is read in the background). */
    public HttpResponse<Stream<String>> answer() {
        return stream.join();
    }

    /** The next event named {@code name}, skipping others; fails after {@code timeout}. */
    public Event await(String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Event event = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event != null && event.name().equals(name)) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("No '" + name + "' event within " + timeout);
    }

    /** The next {@code count} events, whatever their names, in the order they came; fails after {@code timeout}. */
    public List<Event> next(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Event> events = new ArrayList<>();
        try {
            while (events.size() < count && System.nanoTime() < deadline) {
                Event event = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event != null) {
                    events.add(event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (events.size() < count) {
            throw new AssertionError("Only " + events + " of " + count + " events within " + timeout);
        }
        return events;
    }

    /** When the next {@code : ping} comment line arrived; fails after {@code timeout}. */
    public Instant awaitPing(Duration timeout) {
        try {
            Instant ping = pings.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (ping != null) {
                return ping;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("No ': ping' line within " + timeout);
    }

    @Override
    public void close() {
        stream.cancel(true);
        stream.thenAccept(answer -> answer.body().close());
    }
}
