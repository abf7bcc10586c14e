/**
 * The database: the one connection pool (H2 or PostgreSQL as {@code baton.db.url} says), the schema
 * migrations run before anything else, the readiness check, and the id format checked before a
 * query is made.
 */
package dev.baton.platform.persistence;
