/**
 * Transfers: the move of a session from its holding device to a target device — request, claim
 * with a one-time code and a fresh sign-in, restore with a single-use token — and the policy that
 * decides whether a move is allowed. The holder offers (a push, {@code TransferService}) or the
 * target asks and the holder approves (a pull, {@code PullService}); {@code HandoverService}
 * claims and restores either.
 */
package dev.baton.transfer;
