/**
 * Who the caller is: access tokens from the enterprise's identity provider, verified against its
 * published keys (rotated without a restart), the request's {@link dev.baton.platform.security.Actor},
 * the role check, and Baton's own secrets (tokens, claim codes and their hashes).
 */
package dev.baton.platform.security;
