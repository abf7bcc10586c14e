package dev.baton.device.control;

import dev.baton.device.entity.Device;
import dev.baton.device.entity.DeviceKey;
import dev.baton.platform.cluster.Counters;
import dev.baton.platform.net.ClientAddresses;
import dev.baton.platform.problem.BatonException;
import dev.baton.platform.problem.Problem;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Checks the proof of possession a device-bound call carries (after RFC 9449, DPoP): a
 * compact JWS in the {@code DPoP} header that {@link DpopProof} finds made by the device's
 * registered key, for this method and URL, issued within {@code baton.proof.max-age} of now, with
 * a {@code jti} never seen before anywhere in the cluster.
 */
@Dependent
public class DeviceProofs {

    public static final String HEADER = "DPoP";

    @Inject
    HttpServletRequest request;

    @Inject
    Counters seen;

    @Inject
    DeviceSettings settings;

    @Inject
    ClientAddresses addresses;

    @Inject
    Clock clock;

    /** Answers normally if the call carries a valid proof of {@code device}'s key; else 401 {@code proof-invalid}. */
    public void verify(Device device, DeviceKey key) {
        DpopProof proof = DpopProof.verify(request.getHeader(HEADER), key);
        Duration maxAge = settings.proofMaxAge();
        proof.checkFor(request.getMethod(), calledUrl(), clock.instant(), maxAge);
        if (seen.increment("proof:" + device.id() + ":" + proof.jti(), maxAge.multipliedBy(2)) != 1) {
            throw new BatonException(Problem.PROOF_INVALID, "The DPoP proof has been used before.");
        }
    }

    /**
     * The URL the client called: its scheme, host and port as the {@code Host} header (or, behind
     * a proxy of {@code baton.trusted-proxies}, with {@code baton.proof.trust-forwarded}, the
     * {@code X-Forwarded-*} headers) say, and the path without the query.
     */
    private String calledUrl() {
        String scheme = request.getScheme();
        String host = request.getHeader("Host");
        if (settings.proofTrustForwarded() && addresses.fromTrustedProxy(request)) {
            scheme = Optional.ofNullable(request.getHeader("X-Forwarded-Proto")).orElse(scheme);
            host = Optional.ofNullable(request.getHeader("X-Forwarded-Host")).orElse(host);
            String port = request.getHeader("X-Forwarded-Port");
            if (port != null && host != null && !host.contains(":")) {
                host = host + ":" + port;
            }
        }
        return scheme + "://" + host + request.getRequestURI();
    }
}
