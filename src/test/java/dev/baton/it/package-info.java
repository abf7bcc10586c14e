/**
 * Black-box tests: the built {@code target/baton.jar} runs as a real Payara Micro process with an
 * H2 file database, and the tests drive its HTTP API like a client, with RS256 JWTs signed by a key
 * made for the run.
 */
package dev.baton.it;
