/**
 * The event type other features fire, the outbox that stores it, the tokens it becomes, and the
 * sender that delivers them: {@code Outbox} writes, {@code WebhookSender} delivers.
 */
package dev.baton.secevent.control;
