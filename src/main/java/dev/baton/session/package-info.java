/**
 * Sessions: an application's JSON state held by one device at a time, reached with a session
 * token. Active while not ended and within its idle and absolute timeouts. Ending one fires
 * {@code SessionEnding} first, so what depends on it (its open transfers) ends in the same transaction.
 */
package dev.baton.session;
