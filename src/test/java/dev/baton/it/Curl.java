package dev.baton.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The curl command line against the test server, as a user would type it: {@code -s}, with or
 * without {@code --http2}, a body from a file, headers as given. Answers what curl printed.
 */
public final class Curl {

    /** What curl printed: the headers and body ({@code -i}), then its status and HTTP version. */
    public record Result(String output, int status, String version) {
    }

    private final List<String> options = new ArrayList<>();

    public Curl(boolean http2) {
        if (http2) {
            options.add("--http2");
        }
    }

    /** Calls from this local address ({@code --interface}), e.g. 127.0.0.2: loopback, but another peer. */
    public Curl from(String localAddress) {
        options.addAll(List.of("--interface", localAddress));
        return this;
    }

    public Curl header(String name, String value) {
        options.addAll(List.of("-H", name + ": " + value));
        return this;
    }

    /** Sends {@code body} as it is, from a file (so a 100 KB body stays off the command line). */
    public Curl body(String method, byte[] body) {
        try {
            Path file = Files.createTempFile(Path.of("target"), "curl-body", ".json");
            file.toFile().deleteOnExit();
            Files.write(file, body);
            options.addAll(List.of("-X", method, "--data-binary", "@" + file));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs curl on {@code uri}, for at most {@code seconds} (an event stream is cut off then). */
    public Result run(String uri, int seconds) {
        List<String> call = new ArrayList<>(List.of("curl", "-s", "-i", "--max-time", Integer.toString(seconds)));
        call.addAll(options);
        call.addAll(List.of("-w", "\n%{http_code} %{http_version}", uri));
        try {
            Process curl = new ProcessBuilder(call).redirectErrorStream(true).start();
            byte[] printed = curl.getInputStream().readAllBytes();
            if (!curl.waitFor(seconds + 5L, TimeUnit.SECONDS)) {
                curl.destroyForcibly();
            }
            String output = new String(printed, StandardCharsets.UTF_8);
            String[] last = output.substring(output.lastIndexOf('\n') + 1).split(" ");
            return new Result(output, Integer.parseInt(last[0]), last[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Result run(String uri) {
        return run(uri, 15);
    }
}
