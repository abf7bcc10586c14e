package dev.baton.it;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket to the shared server, for what no client sends: a header section
 * over the limits, a body that never comes, headers a byte at a time.
 */
final class RawHttp implements Closeable {

    private final Socket socket;

    RawHttp(Duration patience) {
        try {
            socket = new Socket("127.0.0.1", SharedBaton.server().base().getPort());
            socket.setSoTimeout((int) patience.toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code text} as ISO-8859-1, as HTTP/1.1 carries header fields. */
    RawHttp send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return this;
    }

    /** The status line, headers and body of one answer framed by Content-Length; what came if the server closed first. */
    String answer() throws IOException {
        return answer(new ByteArrayOutputStream());
    }

    /**
     * Sends {@code filler} a byte at a time, one per {@code socket}'s patience, until the server
     * answers or closes, for at most {@code max}; answers what the server said.
     */
    String trickle(char filler, Duration max) throws IOException {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() - end < 0) {
            try {
                send(String.valueOf(filler));
            } catch (SocketException e) {
                return "";
            }
            try {
                int b = socket.getInputStream().read();
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                if (b >= 0) {
                    head.write(b);
                }
                return b < 0 ? "" : answer(head);
            } catch (SocketTimeoutException e) {
                // nothing yet: one more byte
            }
        }
        throw new AssertionError("the server still waits after " + max);
    }

    private String answer(ByteArrayOutputStream head) throws IOException {
        InputStream in = socket.getInputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
            head.write(b);
        }
        String answer = head.toString(StandardCharsets.ISO_8859_1);
        int contentLength = 0;
        for (String line : answer.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                contentLength = Integer.parseInt(line.substring(15).trim());
            }
        }
        return answer + new String(in.readNBytes(contentLength), StandardCharsets.UTF_8);
    }

    static int status(String answer) {
        return answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : -1;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
