package dev.baton.transfer.entity;

/**
 * Who asked for a transfer: the holding device offering its session ({@code PUSH}), or another
 * device of the user asking for it, to continue there ({@code PULL}, approved by the holder).
 */
public enum TransferDirection {
    PUSH, PULL
}
