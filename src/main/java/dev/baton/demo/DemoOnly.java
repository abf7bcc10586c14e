package dev.baton.demo;

import dev.baton.platform.net.Cidr;
import dev.baton.platform.net.ClientAddresses;
import dev.baton.platform.problem.BatonException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetAddress;

/**
 * Marks what exists only in demo mode and only for clients on this machine: anything else is
 * {@code not-found}, before the body is read, so that nothing in the answer tells it is there. The
 * loopback check holds even when the listener is opened to the network.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface DemoOnly {

    @Provider
    @DemoOnly
    class Gate implements ContainerRequestFilter {

        @Inject
        ClientAddresses addresses;

        @Context
        HttpServletRequest request;

        @Override
        public void filter(ContainerRequestContext context) {
            if (DemoIssuer.keys().isEmpty() || !fromLoopback()) {
                throw BatonException.notFound();
            }
        }

        /** The client's, not the peer's: a trusted proxy on this machine forwards calls from anywhere. */
        private boolean fromLoopback() {
            return Cidr.address(addresses.of(request)).map(InetAddress::isLoopbackAddress).orElse(false);
        }
    }
}
