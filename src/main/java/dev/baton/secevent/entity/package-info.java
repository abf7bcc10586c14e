/** The outbox's rows, and the lease that says which node sends them. */
package dev.baton.secevent.entity;
