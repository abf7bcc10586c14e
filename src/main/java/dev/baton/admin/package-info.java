/**
 * The admin API, for callers in the group {@code baton-admin}: one user's devices, sessions, open
 * transfers and prohibitions at a glance; every session of a user ended, every device revoked, each
 * by the same path its owner's own call takes. Every call is audited with the admin as actor.
 */
package dev.baton.admin;
