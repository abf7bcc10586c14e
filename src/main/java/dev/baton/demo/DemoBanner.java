package dev.baton.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;

/** Says loudly, at start-up, how users are authenticated. */
@Singleton
@Startup
public class DemoBanner {

    private static final Logger LOG = Logger.getLogger(DemoBanner.class.getName());

    @PostConstruct
    void announce() {
        if (DemoIssuer.enabled()) {
            LOG.warning("""

                    ************************************************************************
                    *  BATON DEMO MODE: Baton signs its own tokens at POST /dev/token.      *
                    *  Anyone who can reach this server can act as any user.                *
                    *  NOT FOR PRODUCTION. Configure MP_JWT_VERIFY_PUBLICKEY(_LOCATION) and *
                    *  MP_JWT_VERIFY_ISSUER for your identity provider instead.             *
                    ************************************************************************""");
        } else if (!DemoIssuer.identityProviderConfigured()) {
            LOG.warning("No identity provider is configured (MP_JWT_VERIFY_PUBLICKEY or _LOCATION, "
                    + "MP_JWT_VERIFY_ISSUER): every API call will be refused. Set BATON_DEMO=true to try Baton.");
        }
    }
}
