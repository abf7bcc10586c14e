package dev.baton.platform.problem;


/**
 * A problem answer Baton made outside JAX-RS and the servlet container, where no filter sees it:
 * the HTTP listener's 408 to headers that never arrived. The metrics count it with the rest.
 */
public record ProblemAnswered(Problem problem) {
}
