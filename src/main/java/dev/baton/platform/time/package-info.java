/**
 * Time and scheduled work: the one injected {@link java.time.Clock}, so tests can fix it, and
 * Payara's managed scheduler.
 */
package dev.baton.platform.time;
