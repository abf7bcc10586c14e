/**
 * Baton's HTTP edge: the JAX-RS application and its root page, and the filters every request passes
 * (header and body limits, CORS, security headers, the HTTP/2 body drain, the test-only fault switch).
 */
package dev.baton.platform.http;
