/**
 * What an operator watches: Baton's metrics at {@code /metrics} (MicroProfile Metrics, Prometheus
 * text), its health at {@code /health/live}, {@code /health/ready} and {@code /health/started}.
 * It observes the other features; none of them depends on it.
 */
package dev.baton.ops;
