package dev.baton.platform.net;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a call comes from, for everything that records or keys on one. It is the connection's
 * peer, unless that peer is a proxy of {@code baton.trusted-proxies}: then it is the right-most
 * {@code X-Forwarded-For} entry that is no trusted proxy itself (each proxy appends the address it
 * saw, so entries left of it are the client's own claims). Nobody else can set it by a header.
 */
@ApplicationScoped
public class ClientAddresses {

    private static final Logger LOG = Logger.getLogger(ClientAddresses.class.getName());
    static final String FORWARDED_FOR = "X-Forwarded-For";

    @Inject
    @ConfigProperty(name = "baton.trusted-proxies")
    Optional<String> setting;

    private List<Cidr> trusted = List.of();

    public ClientAddresses() {
    }

    ClientAddresses(List<Cidr> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /** Observing the start makes the container create this bean then: a bad setting fails the start. */
    void readAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the setting is read by @PostConstruct
    }

    @PostConstruct
    void read() {
        try {
            trusted = setting.map(ClientAddresses::blocks).orElse(List.of());
        } catch (IllegalArgumentException e) {
            LOG.severe("baton.trusted-proxies must list CIDR blocks, comma-separated (10.0.0.0/8, fd00::/8): " + e.getMessage()
                    + ". Baton does not start.");
            throw e;
        }
        if (!trusted.isEmpty()) {
            LOG.info(() -> "X-Forwarded-For is taken from the trusted proxies " + trusted);
        }
    }

    static List<Cidr> blocks(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(b -> !b.isEmpty()).map(Cidr::parse).toList();
    }

    /** The client's address of this request, as text ({@code 203.0.113.7}, {@code 2001:db8::7}). */
    public String of(HttpServletRequest request) {
        return clientOf(request.getRemoteAddr(), Collections.list(request.getHeaders(FORWARDED_FOR)));
    }

    /** Whether this request comes straight from one of {@code baton.trusted-proxies}. */
    public boolean fromTrustedProxy(HttpServletRequest request) {
        return Cidr.address(request.getRemoteAddr()).filter(this::isTrusted).isPresent();
    }

    /**
     * The client behind {@code peer}, given the {@code X-Forwarded-For} header lines of the request.
     * An entry that is no IP address ends the walk: the last trusted hop is answered, never a
     * client's text.
     */
    String clientOf(String peer, List<String> forwardedFor) {
        Optional<InetAddress> hop = Cidr.address(peer);
        if (hop.isEmpty()) {
            return peer;
        }
        List<String> entries = new ArrayList<>();
        forwardedFor.forEach(line -> entries.addAll(Arrays.asList(line.split(","))));
        for (int i = entries.size() - 1; i >= 0 && isTrusted(hop.get()); i--) {
            Optional<InetAddress> next = Cidr.address(entries.get(i));
            if (next.isEmpty()) {
                break;
            }
            hop = next;
        }
        return hop.get().getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(block -> block.contains(address));
    }
}
