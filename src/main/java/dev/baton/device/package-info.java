/**
 * Devices: a user's registered desktops, phones and tablets, each holding a device token of which
 * Baton keeps only the hash. Revoking one fires {@code DeviceRevoked} in its transaction: the
 * sessions it holds end, then its open transfers are cancelled.
 */
package dev.baton.device;
