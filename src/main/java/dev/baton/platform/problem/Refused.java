package dev.baton.platform.problem;

/**
 * A call refused with a 4xx problem that was not audited on its own: a bad or missing JWT, a
 * missing role, a rate limit, input the API does not take. Fired once per refusal; the audit counts
 * them ({@code RefusalTally}) rather than writing one record each, so a flood of bad calls cannot
 * flood the audit. {@code user} is null when the caller is not known.
 */
public record Refused(String user, String address, String code) {
}
