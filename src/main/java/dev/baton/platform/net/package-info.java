/**
 * Where a call comes from: CIDR blocks and the client address behind trusted proxies
 * ({@code baton.trusted-proxies}, {@code X-Forwarded-For}), for the audit and every check that
 * keys on an address.
 */
package dev.baton.platform.net;
