package dev.baton.device.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How many devices a user may have and how device proofs are checked. Defaults in {@code META-INF/microprofile-config.properties}. */
@ApplicationScoped
public class DeviceSettings {

    @Inject
    @ConfigProperty(name = "baton.devices.max-per-user")
    int maxDevicesPerUser;

    @Inject
    @ConfigProperty(name = "baton.proof.max-age")
    Duration proofMaxAge;

    @Inject
    @ConfigProperty(name = "baton.proof.trust-forwarded")
    boolean proofTrustForwarded;

    public int maxDevicesPerUser() {
        return maxDevicesPerUser;
    }

    /** How old a proof's {@code iat} may be. */
    public Duration proofMaxAge() {
        return proofMaxAge;
    }

    /** Whether device proofs name the URL as the load balancer's {@code X-Forwarded-*} headers say. */
    public boolean proofTrustForwarded() {
        return proofTrustForwarded;
    }
}
