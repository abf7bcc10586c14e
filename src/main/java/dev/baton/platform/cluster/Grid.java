package dev.baton.platform.cluster;

import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Messages between the nodes of a cluster, over topics of Payara's data grid. A message reaches
 * every node that listens, this one included; on a single node the grid is that node alone.
 * Messages are text, so no class of ours has to be loaded by the grid.
 */
@ApplicationScoped
public class Grid {

    @Resource(lookup = "payara/Hazelcast")
    HazelcastInstance hazelcast;

    @Resource
    ContextService context;

    public void broadcast(String topic, String message) {
        hazelcast.<String>getTopic(topic).publish(message);
    }

    /**
     * Hands every message of {@code topic} to {@code receiver}, on a grid thread but inside this
     * application's context (class loader, naming, CDI); answers the registration to end it.
     */
    @SuppressWarnings("unchecked")
    public UUID subscribe(String topic, Consumer<String> receiver) {
        Consumer<String> contextual = context.createContextualProxy(receiver, Consumer.class);
        return hazelcast.<String>getTopic(topic).addMessageListener(message -> contextual.accept(message.getMessageObject()));
    }

    public void unsubscribe(String topic, UUID registration) {
        hazelcast.getTopic(topic).removeMessageListener(registration);
    }
}
