package dev.baton.events.control;

import dev.baton.platform.Grid;
import dev.baton.platform.Jsons;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open event streams of this node, per device. Events fired inside a transaction go out only
 * once it has committed, so no device hears of a step that did not happen; they go to every node
 * over the data grid, and each node hands them to the streams it holds.
 */
@ApplicationScoped
public class EventHub {

    static final String TOPIC = "baton-device-events";

    private final Map<String, Set<Stream>> streams = new ConcurrentHashMap<>();

    @Inject
    Grid grid;

    private UUID subscription;

    void listen(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        subscription = grid.subscribe(TOPIC, message -> publish(DeviceEvent.parse(message)));
    }

    @PreDestroy
    void stopListening() {
        if (subscription != null) {
            grid.unsubscribe(TOPIC, subscription);
        }
    }

    public void open(String deviceId, SseEventSink sink, Sse sse) {
        Stream stream = new Stream(sink, sse);
        streams.computeIfAbsent(deviceId, id -> ConcurrentHashMap.newKeySet()).add(stream);
        stream.send("ready", Jsons.JSON.createObjectBuilder().add("type", "ready").add("deviceId", deviceId).build().toString());
    }

    void deliver(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeviceEvent event) {
        grid.broadcast(TOPIC, event.json().toString());
    }

    /** Hands an event to this node's streams of its device. */
    void publish(DeviceEvent event) {
        Set<Stream> open = streams.get(event.deviceId());
        if (open != null) {
            open.removeIf(stream -> !stream.send(event.name(), event.json().toString()));
        }
        if (DeviceEvent.DEVICE_REVOKED.equals(event.name())) {
            close(event.deviceId());
        }
    }

    /** Closes every stream of a device, e.g. when it is revoked. */
    public void close(String deviceId) {
        Set<Stream> open = streams.remove(deviceId);
        if (open != null) {
            open.forEach(stream -> stream.sink().close());
        }
    }

    private record Stream(SseEventSink sink, Sse sse) {
        boolean send(String name, String data) {
            if (sink.isClosed()) {
                return false;
            }
            try {
                sink.send(sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(data).build());
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }
    }
}
