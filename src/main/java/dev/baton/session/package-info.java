/**
 * Sessions: an application's JSON state held by one device at a time, reached with a session
 * token. Active while not ended and within its idle and absolute timeouts.
 */
package dev.baton.session;
