/**
 * Hooks into Payara's HTTP listener (Grizzly) for what happens before any servlet runs: which
 * requests may switch to h2c, how long a request's headers may take. Payara offers no API for this; {@link dev.baton.platform.listener.PayaraListeners}
 * reaches the listener through Payara's internals and says so loudly if they have moved.
 */
package dev.baton.platform.listener;
