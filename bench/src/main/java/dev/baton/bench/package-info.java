/**
 * Baton's benchmark (issue 9): a closed-loop load generator on HdrHistogram and the JDK's
 * HttpClient, the scenarios it drives (Keycloak's refresh grants, Baton's transfers, session reads
 * and its floor, growth to a million sessions) and the report with its plots. {@code bench/run.sh}
 * starts and stops the servers; {@link dev.baton.bench.Main} runs one command against them.
 */
package dev.baton.bench;
