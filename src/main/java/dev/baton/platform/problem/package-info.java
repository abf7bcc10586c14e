/**
 * Errors as {@code application/problem+json}: one {@link dev.baton.platform.problem.Problem} per
 * refusal with its status and stable code, the exceptions that carry them and the mappers that
 * answer them; no stack trace or class name ever reaches a client.
 */
package dev.baton.platform.problem;
