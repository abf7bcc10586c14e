/**
 * Who the caller is: access tokens from the enterprise's identity provider, verified against its
 * published keys (rotated without a restart), and the sign-in time a claim needs.
 */
package dev.baton.platform.security;
