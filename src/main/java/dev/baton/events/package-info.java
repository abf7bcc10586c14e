/**
 * Live notices to devices over server-sent events: a transfer offered, claimed, expired or
 * cancelled, a session moved away, a prohibition over; a pull requested, approved or denied. Sent
 * only after the step has committed.
 */
package dev.baton.events;
