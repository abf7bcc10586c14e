package dev.baton.platform.ratelimit;

import java.time.Duration;

/**
 * A rate limit written as {@code <count>/<ISO-8601 duration>}, e.g. {@code 20/PT1M}. MicroProfile
 * Config converts setting values through {@link #parse(CharSequence)} (an implicit converter), once.
 */
public record Rate(int count, Duration window) {

    public Rate {
        if (count < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A rate needs a positive count and window");
        }
    }

    public static Rate parse(CharSequence value) {
        String text = value.toString();
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("Expected <count>/<duration>, got " + text);
        }
        return new Rate(Integer.parseInt(text.substring(0, slash).trim()),
                Duration.parse(text.substring(slash + 1).trim()));
    }
}
