/**
 * Rate limits counted by the whole cluster in fixed windows; the write limit per user applies to every
 * authenticated call, and a feature adds its own (the transfer feature's claim attempts).
 */
package dev.baton.platform.ratelimit;
