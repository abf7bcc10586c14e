/**
 * What every feature shares: the JAX-RS application, problem+json errors, the caller's identity,
 * rate limits, request limits, tokens, settings and the clock.
 */
package dev.baton.platform;
