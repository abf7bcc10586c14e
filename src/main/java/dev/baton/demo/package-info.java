/**
 * Demo mode ({@code baton.demo=true}): Baton is its own token issuer, so it can be tried without an
 * identity provider. Off unless asked for, and always off when an identity provider is configured.
 */
package dev.baton.demo;
