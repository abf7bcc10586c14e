package dev.baton.bench;

/** A call answered with something other than 2xx; the message is "step status code", counted as one error kind. */
final class Refused extends Exception {

    Refused(String step, int status, String problemCode) {
        super(step + " " + status + (problemCode == null ? "" : " " + problemCode), null, false, false);
    }
}
