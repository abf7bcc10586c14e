package dev.baton.platform.listener;

import dev.baton.platform.problem.Problem;
import dev.baton.platform.problem.Problems;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpProbe;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Gives a request's header section {@code baton.request.header-timeout} from its first byte to
 * arrive whole; past it the connection is answered 408 and closed ({@link #expire}, run about once
 * a second). Grizzly bounds only each read, so a client sending a header byte every few seconds
 * held a connection forever. Bytes that reach the parser between requests start the clock; a parsed
 * header or body bytes (on HTTP/2 every frame is body to this parser, after {@code PRI}) stop it.
 */
final class HeaderDeadline extends HttpProbe.Adapter {

    private static final Logger LOG = Logger.getLogger(HeaderDeadline.class.getName());

    private final long timeoutNanos;
    private final Map<Connection<?>, Long> deadlines = new ConcurrentHashMap<>();
    private final byte[] answer;
    private final Runnable answered;

    /** {@code answered} runs once per 408 written (the metrics count it). */
    HeaderDeadline(Duration timeout, Runnable answered) {
        timeoutNanos = timeout.toNanos();
        this.answered = answered;
        String body = Problems.json(Problem.REQUEST_TIMEOUT, "The request's headers did not arrive within " + timeout + ".", Map.of());
        answer = ("HTTP/1.1 408 Request Timeout\r\nContent-Type: " + Problems.MEDIA_TYPE + "\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nX-Content-Type-Options: nosniff\r\n"
                + "Cache-Control: no-store\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void onDataReceivedEvent(Connection connection, Buffer buffer) {
        deadlines.putIfAbsent(connection, System.nanoTime() + timeoutNanos);
    }

    @Override
    public void onHeaderParseEvent(Connection connection, HttpHeader header, int size) {
        deadlines.remove(connection);
    }

    @Override
    public void onContentChunkParseEvent(Connection connection, HttpContent content) {
        deadlines.remove(connection);
    }

    /** Answers 408 on every connection past its deadline, and closes it. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    void expire() {
        long now = System.nanoTime();
        deadlines.forEach((connection, deadline) -> {
            if (now - deadline > 0 && deadlines.remove(connection, deadline)) {
                LOG.fine(() -> "Request headers did not arrive within the limit; connection from " + connection.getPeerAddress() + " closed");
                try {
                    answered.run();
                } catch (RuntimeException e) {
                    LOG.fine(() -> "408 not counted: " + e);
                }
                try {
                    ((Connection) connection).write(Buffers.wrap(connection.getMemoryManager(), answer), new EmptyCompletionHandler() {
                        @Override
                        public void completed(Object result) {
                            connection.closeSilently();
                        }

                        @Override
                        public void failed(Throwable throwable) {
                            connection.closeSilently();
                        }
                    });
                } catch (RuntimeException e) {
                    // A connection closed meanwhile; an exception here would end the schedule, and every later expiry.
                    connection.closeSilently();
                }
            }
        });
    }
}
