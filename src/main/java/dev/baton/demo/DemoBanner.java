package dev.baton.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.Optional;
import java.util.logging.Logger;

/** Says loudly, at start-up, how users are authenticated and, in demo mode, who can reach Baton. */
@Singleton
@Startup
public class DemoBanner {

    private static final Logger LOG = Logger.getLogger(DemoBanner.class.getName());

    @PostConstruct
    void announce() {
        if (DemoMode.enabled()) {
            LOG.warning("""

                    ************************************************************************
                    *  BATON DEMO MODE: Baton signs its own tokens at POST /dev/token.
                    *  %s
                    *  /dev/token answers only clients on this machine (loopback).
                    *  NOT FOR PRODUCTION. Configure MP_JWT_VERIFY_PUBLICKEY(_LOCATION) and
                    *  MP_JWT_VERIFY_ISSUER for your identity provider instead.
                    ************************************************************************""".formatted(reach()));
        } else if (!DemoMode.identityProviderConfigured()) {
            LOG.warning("No identity provider is configured (MP_JWT_VERIFY_PUBLICKEY or _LOCATION, "
                    + "MP_JWT_VERIFY_ISSUER): every API call will be refused. Set BATON_DEMO=true to try Baton.");
        }
    }

    private static String reach() {
        Optional<String> address = DemoMode.boundAddress();
        if (address.filter(DemoMode.LOOPBACK::equals).isPresent()) {
            return "Listening on 127.0.0.1 only; BATON_DEMO_LISTEN_ON_NETWORK=true opens it to the network.";
        }
        return "Listening on " + address.orElse("the pre-boot commands' address") + ": the network reaches it.";
    }
}
