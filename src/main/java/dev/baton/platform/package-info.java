/**
 * What every feature shares, by concern in sub-packages: {@code http}, {@code problem}, {@code json},
 * {@code security}, {@code ratelimit}, {@code cluster}, {@code persistence}, {@code config},
 * {@code time}, {@code logging}, {@code net}, {@code listener}. It depends on no feature.
 */
package dev.baton.platform;
