package dev.baton.events.control;

import dev.baton.platform.cluster.Grid;
import dev.baton.platform.json.Jsons;
import dev.baton.platform.logging.RequestIds;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import dev.baton.platform.time.Schedulers;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The open event streams of this node, per device. Events fired inside a transaction go out only
 * once it has committed, so no device hears of a step that did not happen; they go to every node
 * over the data grid, and each node hands them to the streams it holds.
 * <p>
 * A device holds at most {@code baton.events.max-streams-per-device} streams on this node. Every
 * {@code baton.events.heartbeat} each stream gets a {@code : ping} comment, which keeps proxies from
 * cutting a quiet stream and finds the streams whose client is gone: a stream whose write fails is
 * closed and dropped at once, and its slot is free again.
 */
@ApplicationScoped
public class EventHub {

    static final String TOPIC = "baton-device-events";

    private static final Logger LOG = Logger.getLogger(EventHub.class.getName());

    private final Map<String, Set<Stream>> streams = new ConcurrentHashMap<>();

    @Inject
    Grid grid;

    @Inject
    @ConfigProperty(name = "baton.events.heartbeat")
    Duration heartbeat;

    @Inject
    @ConfigProperty(name = "baton.events.max-streams-per-device")
    int maxStreamsPerDevice;

    private UUID subscription;
    private ScheduledFuture<?> heartbeats;

    void listen(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        subscription = grid.subscribe(TOPIC, message -> publish(DeviceEvent.parse(message)));
    }

    /**
     * Starts the heartbeat with the first stream. Its executor is looked up here, on a request's
     * thread, rather than injected: an injected one was seen null once, when this bean was made
     * during a start-up whose EJB work ran beside the web module's (a prohibition that had lapsed
     * while the node was down), and the deployment failed.
     */
    private synchronized void beat() {
        if (heartbeats == null) {
            heartbeats = Schedulers.orDefault(null).scheduleAtFixedRate(this::ping, heartbeat.toMillis(), heartbeat.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void stopListening() {
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        if (subscription != null) {
            grid.unsubscribe(TOPIC, subscription);
        }
    }

    /** Opens a stream of a device, or refuses it (429 {@code too-many-streams}) when the device holds enough here. */
    public void open(String deviceId, SseEventSink sink, Sse sse) {
        beat();
        Stream stream = new Stream(sink, sse, RequestIds.current());
        AtomicBoolean admitted = new AtomicBoolean();
        streams.compute(deviceId, (id, held) -> {
            Set<Stream> open = held != null ? held : ConcurrentHashMap.newKeySet();
            admitted.set(open.size() < maxStreamsPerDevice && open.add(stream));
            return open.isEmpty() ? null : open;
        });
        if (!admitted.get()) {
            throw new BatonException(Problem.TOO_MANY_STREAMS, "This device has " + maxStreamsPerDevice
                    + " event streams open already; close one first.", heartbeat, Map.of());
        }
        String ready = Jsons.JSON.createObjectBuilder().add("type", "ready").add("deviceId", deviceId).build().toString();
        if (!stream.send("ready", ready)) {
            drop(deviceId, stream);
        }
    }

    void deliver(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeviceEvent event) {
        grid.broadcast(TOPIC, event.json().toString());
    }

    /** Hands an event to this node's streams of its device. */
    void publish(DeviceEvent event) {
        String data = event.json().toString();
        each(event.deviceId(), stream -> stream.send(event.name(), data));
        if (DeviceEvent.DEVICE_REVOKED.equals(event.name())) {
            close(event.deviceId());
        }
    }

    /** The heartbeat: a comment to every stream, dropping those whose client is gone. */
    void ping() {
        try {
            streams.keySet().forEach(deviceId -> each(deviceId, Stream::ping));
        } catch (RuntimeException e) {
            // An exception would end the schedule, and with it every later heartbeat.
            LOG.warning("Event stream heartbeat failed: " + e);
        }
    }

    /** The event streams open on this node, of every device. */
    public int openStreams() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    /** Closes every stream of a device, e.g. when it is revoked. */
    public void close(String deviceId) {
        Set<Stream> open = streams.remove(deviceId);
        if (open != null) {
            open.forEach(Stream::close);
        }
    }

    private void each(String deviceId, Predicate<Stream> sent) {
        Set<Stream> open = streams.get(deviceId);
        if (open != null) {
            open.forEach(stream -> {
                if (!sent.test(stream)) {
                    drop(deviceId, stream);
                }
            });
        }
    }

    private void drop(String deviceId, Stream stream) {
        streams.computeIfPresent(deviceId, (id, open) -> {
            open.remove(stream);
            return open.isEmpty() ? null : open;
        });
        stream.close();
    }

    /** An open stream, and the request that opened it: what is logged while writing to it carries that request's id. */
    private record Stream(SseEventSink sink, Sse sse, String requestId) {

        boolean send(String name, String data) {
            return write(sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(data).build());
        }

        /** A comment line, {@code : ping}, which clients skip. */
        boolean ping() {
            return write(sse.newEventBuilder().comment("ping").build());
        }

        /** Whether the event went out; Jersey reports a failed write as a failed stage, not as an exception. */
        private synchronized boolean write(OutboundSseEvent event) {
            return RequestIds.during(requestId, () -> written(event));
        }

        private boolean written(OutboundSseEvent event) {
            if (sink.isClosed()) {
                return false;
            }
            try {
                return !sink.send(event).toCompletableFuture().isCompletedExceptionally() && !sink.isClosed();
            } catch (RuntimeException e) {
                return false;
            }
        }

        void close() {
            try {
                sink.close();
            } catch (RuntimeException e) {
                // already gone
            }
        }
    }
}
