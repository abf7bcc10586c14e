/**
 * Prohibitions: after a restore, the device the session left is kept out of it for
 * {@code baton.prohibition.period}; {@code Prohibitions} starts them and answers which hold. The row
 * is the truth, checked on every access; EJB timers only mark the end, audit it once and tell the device.
 */
package dev.baton.prohibition;
