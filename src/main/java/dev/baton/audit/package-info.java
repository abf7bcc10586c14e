/**
 * The audit trail: every step of the flow and every refusal, append-only, queried by auditors.
 * Refusals are written in their own transaction, so they stay when the refused step rolls back.
 */
package dev.baton.audit;
