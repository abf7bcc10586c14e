package dev.baton.platform.http;

import dev.baton.platform.config.Settings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Refuses bodies over {@code baton.request.max-bytes}, by their declared length or as they stream in. */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public class BodyLimitFilter implements ContainerRequestFilter {

    @Inject
    Settings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        int limit = settings.requestMaxBytes();
        if (request.getLength() > limit) {
            throw tooLarge(limit);
        }
        request.setEntityStream(new Limited(request.getEntityStream(), limit));
    }

    static WebApplicationException tooLarge(int limit) {
        return new WebApplicationException("Body over " + limit + " bytes", 413);
    }

    private static final class Limited extends FilterInputStream {
        private final int limit;
        private long read;

        Limited(InputStream in, int limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
