/**
 * The launcher of {@code target/baton.jar}: settles what must be settled before Payara Micro boots
 * (the HTTP listener's address, Baton's log formatter on the console), then starts Payara Micro.
 * Runs outside the application.
 */
package dev.baton.launch;
