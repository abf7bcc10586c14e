package dev.baton.demo;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Hands the token verification the demo issuer's public key and name as the MicroProfile JWT
 * settings, only in demo mode. Its ordinal is below the environment's (300), though demo mode is
 * off anyway once an identity provider is set.
 */
public class DemoConfigSource implements ConfigSource {

    private final Map<String, String> properties = DemoMode.enabled()
            ? Map.of("mp.jwt.verify.publickey", DemoIssuer.publicKeyPem(), "mp.jwt.verify.issuer", DemoIssuer.ISSUER)
            : Map.of();

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "baton-demo-issuer";
    }

    @Override
    public int getOrdinal() {
        return 250;
    }
}
