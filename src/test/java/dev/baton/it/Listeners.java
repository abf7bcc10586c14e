package dev.baton.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where a server listens, as the system sees it ({@code ss} of iproute2).
 */
final class Listeners {

    private Listeners() {
    }

    /** The local addresses of the TCP sockets listening on {@code port}; the any-address for {@code *}. */
    static List<InetAddress> on(int port) {
        try {
            Process ss = new ProcessBuilder("ss", "-Hltn", "sport = :" + port).redirectErrorStream(true).start();
            String printed = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ss.waitFor(10, TimeUnit.SECONDS) || ss.exitValue() != 0) {
                throw new IllegalStateException("ss failed: " + printed);
            }
            return printed.lines().map(line -> line.trim().split("\\s+")[3]).map(Listeners::host).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("ss (iproute2) is needed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code 127.0.0.1:8080}, {@code [::ffff:127.0.0.1]:8080}, {@code *:8080} → the address. */
    private static InetAddress host(String local) {
        String host = local.substring(0, local.lastIndexOf(':')).replaceAll("[\\[\\]]", "").replaceFirst("%.*$", "");
        try {
            return host.equals("*") ? InetAddress.getByName("0.0.0.0") : InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("ss printed " + local, e);
        }
    }
}
