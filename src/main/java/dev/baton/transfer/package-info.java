/**
 * Transfers: the move of a session from its holding device to a target device — request, claim
 * with a one-time code and a fresh sign-in, restore with a single-use token. The holder offers (a
 * push, {@code TransferService}) or the target asks and the holder approves (a pull,
 * {@code PullService}); {@code HandoverService} claims and restores either. The claim rule lives in
 * {@code Transfer.claim} with its limits in {@code TransferSettings}.
 */
package dev.baton.transfer;
