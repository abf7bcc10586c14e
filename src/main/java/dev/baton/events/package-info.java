/**
 * Live notices to devices over server-sent events: a transfer offered, claimed, expired or
 * cancelled, a session moved away or ended, a prohibition over. Sent only after the step has committed.
 */
package dev.baton.events;
