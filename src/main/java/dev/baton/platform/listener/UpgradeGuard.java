package dev.baton.platform.listener;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpProbe;
import org.glassfish.grizzly.http.util.Header;

/**
 * Declines the h2c upgrade of a request that carries a body: it is answered over HTTP/1.1, and the
 * connection stays HTTP/1.1. Grizzly answers "101 Switching Protocols" as soon as the header is
 * parsed, and curl stops sending the body once it reads the 101 (curl/curl#12022): the request
 * then waited for the rest of its body and curl took the 101 for its answer. A bodiless request
 * (a GET) still upgrades. Runs as the header is parsed, before Grizzly's HTTP/2 filter looks at
 * the {@code Upgrade} header; only requests HTTP/2 took for its own (their body is read as
 * HTTP/1.1's) are touched.
 */
final class UpgradeGuard extends HttpProbe.Adapter {

    @Override
    public void onHeaderParseEvent(Connection connection, HttpHeader header, int size) {
        if (header.isRequest() && header.isUpgrade() && !header.isIgnoreContentModifiers()
                && (header.getContentLength() > 0 || header.isChunked())) {
            header.getUpgradeDC().recycle();
            header.getHeaders().removeHeader(Header.Upgrade);
        }
    }
}
