/**
 * Log lines an operator can follow: every request's {@code X-Request-Id}, taken from the caller when
 * it is sane or made here, echoed on the answer and carried by every log line written while the
 * request is handled; one line per event, text or JSON ({@code baton.log.format}).
 */
package dev.baton.platform.logging;
