/**
 * What the nodes of a cluster share through Payara's data grid: messages on topics and counters.
 * On a single node the grid is that node alone.
 */
package dev.baton.platform.cluster;
