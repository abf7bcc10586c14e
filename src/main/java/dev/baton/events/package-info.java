/**
 * Live notices to devices over server-sent events: a transfer offered, claimed, expired or
 * cancelled, a session moved away or ended, a prohibition over; a pull requested, approved or
 * denied. Sent only after the step has committed.
 */
package dev.baton.events;
