/**
 * Security events out: steps that matter to a security team are written to an
 * outbox in the transaction of the change, then POSTed to {@code baton.events.webhook.url} as
 * Security Event Tokens (RFC 8417, HS256) by one node at a time, retried with backoff until the
 * webhook answers 2xx. Any feature emits one by firing a {@link dev.baton.secevent.control.SecurityEvent}.
 */
package dev.baton.secevent;
