/**
 * Transfers: the move of a session from its holding device to a target device — request, claim
 * with a one-time code and a fresh sign-in, restore with a single-use token — and the policy that
 * decides whether a move is allowed. {@code TransferService} owns every state change of the flow.
 */
package dev.baton.transfer;
