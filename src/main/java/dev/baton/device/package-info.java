/**
 * Devices: a user's registered desktops, phones and tablets, each holding a device token of which
 * Baton keeps only the hash. Revoking one kills its sessions and cancels its transfers.
 */
package dev.baton.device;
