package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random sequences of calls by two users with three devices each, against the shared server
 * (jqwik shrinks a failing sequence to a short one). After every step: no answer is a 5xx; each
 * active session is read by exactly one device, its holder; a device kept out never reads it; and
 * the other user's calls on it answer like a missing session.
 */
class InvariantsIT {

    enum Kind { OPEN, REQUEST, CLAIM, WRONG_CLAIM, RESTORE, MOVE, END, REVOKE }

    /** One call: {@code user} and {@code device} pick who makes it, {@code pick} which session. */
    record Step(Kind kind, int user, int device, int other, int pick) {
    }

    /** What the model knows of a session, from the answers so far. */
    static final class Held {
        final int owner;
        final String id;
        int holder;
        String token;
        boolean active = true;
        Integer keptOut;
        String transferId;
        int target;
        String claimCode;
        String restoreToken;
        JsonObject info;

        Held(int owner, String id, int holder, String token) {
            this.owner = owner;
            this.id = id;
            this.holder = holder;
            this.token = token;
        }
    }

    private static final AtomicInteger STEPS = new AtomicInteger();
    private static final AtomicInteger RESTORES = new AtomicInteger();
    private static final AtomicInteger CHECKS = new AtomicInteger();
    private static final Map<String, Integer> ANSWERS = new ConcurrentSkipListMap<>();

    @BeforeContainer
    static void server() {
        SharedBaton.start();
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(Tuple.of(3, Kind.OPEN), Tuple.of(4, Kind.REQUEST), Tuple.of(4, Kind.CLAIM),
                Tuple.of(1, Kind.WRONG_CLAIM), Tuple.of(4, Kind.RESTORE), Tuple.of(4, Kind.MOVE), Tuple.of(1, Kind.END), Tuple.of(1, Kind.REVOKE));
        Arbitrary<Integer> users = Arbitraries.frequency(Tuple.of(4, 0), Tuple.of(1, 1));
        Arbitrary<Step> step = Combinators.combine(kinds, users,
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 7))
                .as(Step::new);
        return step.list().ofMinSize(6).ofMaxSize(20).map(steps -> {
            List<Step> opened = new ArrayList<>(List.of(new Step(Kind.OPEN, 0, 0, 0, 0), new Step(Kind.OPEN, 1, 0, 0, 0)));
            opened.addAll(steps);
            return opened;
        });
    }

    @Property(tries = 30, seed = "20261128", generation = GenerationMode.RANDOMIZED, edgeCases = EdgeCasesMode.NONE)
    void everyStepKeepsOneHolderPerSessionAndEachUserToThemselves(@ForAll("sequences") List<Step> steps) {
        Clerk[] users = {Clerk.fresh(), Clerk.fresh()};
        Clerk.Device[][] devices = new Clerk.Device[2][3];
        boolean[][] revoked = new boolean[2][3];
        for (int u = 0; u < 2; u++) {
            for (int d = 0; d < 3; d++) {
                devices[u][d] = users[u].register(d == 0 ? "desktop" : d == 1 ? "laptop" : "phone");
            }
        }
        List<Held> sessions = new ArrayList<>();
        for (Step step : steps) {
            STEPS.incrementAndGet();
            Clerk clerk = users[step.user()];
            Clerk.Device device = devices[step.user()][step.device()];
            List<Held> own = sessions.stream().filter(s -> s.owner == step.user() && s.active).filter(s -> switch (step.kind()) {
                case CLAIM, WRONG_CLAIM -> s.transferId != null;
                case RESTORE -> s.restoreToken != null;
                default -> true;
            }).toList();
            Held session = own.isEmpty() ? null : own.get(step.pick() % own.size());
            switch (step.kind()) {
                case OPEN -> open(clerk, device, step, sessions);
                case REQUEST -> request(clerk, devices, step, session);
                case CLAIM, WRONG_CLAIM -> claim(clerk, devices, step, session, step.kind() == Kind.CLAIM);
                case RESTORE -> restore(clerk, devices, step, session);
                case MOVE -> {
                    request(clerk, devices, step, session);
                    claim(clerk, devices, step, session, true);
                    restore(clerk, devices, step, session);
                }
                case END -> end(clerk, devices, step, session);
                case REVOKE -> {
                    Reply gone = served(clerk.api.delete("devices/" + device.id()).bearer(clerk.jwt()).send());
                    if (gone.status() == 204) {
                        revoked[step.user()][step.device()] = true;
                        sessions.stream().filter(s -> s.owner == step.user() && s.holder == step.device()).forEach(s -> s.active = false);
                    }
                }
            }
            for (Held held : sessions) {
                check(held, users, devices, revoked, step);
            }
        }
    }

    private static void open(Clerk clerk, Clerk.Device device, Step step, List<Held> sessions) {
        Reply opened = served(clerk.openReply(device, "portal", Json.createObjectBuilder().add("n", 1).build()));
        if (opened.status() == 201) {
            sessions.add(new Held(step.user(), opened.get("id"), step.device(), opened.get("sessionToken")));
        }
    }

    private static void request(Clerk clerk, Clerk.Device[][] devices, Step step, Held session) {
        if (session == null) {
            return;
        }
        Reply offered = served(clerk.requestTransfer(devices[step.user()][session.holder], new Clerk.Held(session.id, session.token),
                devices[step.user()][step.other()].id(), Clerk.info()));
        if (offered.status() == 201) {
            session.transferId = offered.get("id");
            session.target = step.other();
            session.claimCode = offered.get("claimCode");
            session.restoreToken = null;
        }
    }

    private static void claim(Clerk clerk, Clerk.Device[][] devices, Step step, Held session, boolean rightCode) {
        if (session == null || session.transferId == null) {
            return;
        }
        Reply claimed = served(clerk.claim(targetMostly(step, devices, session), session.transferId, rightCode ? session.claimCode : "WRONGCDE"));
        if (claimed.status() == 200) {
            session.restoreToken = claimed.get("restoreToken");
            session.info = claimed.json().getJsonObject("sessionInfo");
        }
    }

    private static void restore(Clerk clerk, Clerk.Device[][] devices, Step step, Held session) {
        if (session == null || session.restoreToken == null) {
            return;
        }
        Clerk.Device restorer = targetMostly(step, devices, session);
        Reply restored = served(clerk.restore(restorer, session.id, session.restoreToken, session.info));
        if (restored.status() == 200) {
            RESTORES.incrementAndGet();
            session.keptOut = session.holder;
            session.holder = restorer == devices[step.user()][step.device()] ? step.device() : session.target;
            session.token = restored.get("sessionToken");
            session.transferId = null;
            session.restoreToken = null;
        }
    }

    private static void end(Clerk clerk, Clerk.Device[][] devices, Step step, Held session) {
        if (session == null) {
            return;
        }
        Reply ended = served(clerk.api.delete("sessions/" + session.id).bearer(clerk.jwt())
                .device(devices[step.user()][session.holder].token()).session(session.token).send());
        if (ended.status() == 204) {
            session.active = false;
        }
    }

    /** The transfer's target device for two steps in three, so that sequences get through to restores. */
    private static Clerk.Device targetMostly(Step step, Clerk.Device[][] devices, Held session) {
        return step.pick() % 3 == 0 ? devices[step.user()][step.device()] : devices[step.user()][session.target];
    }

    @AfterContainer
    static void report() {
        System.out.println("[figures] random call sequences: " + STEPS.get() + " steps, " + RESTORES.get() + " sessions restored, "
                + CHECKS.get() + " invariant checks; answers: " + ANSWERS);
    }

    private static void check(Held session, Clerk[] users, Clerk.Device[][] devices, boolean[][] revoked, Step after) {
        CHECKS.incrementAndGet();
        Clerk owner = users[session.owner];
        Clerk.Held current = new Clerk.Held(session.id, session.token);
        for (int d = 0; d < 3; d++) {
            Reply read = served(owner.readSession(devices[session.owner][d], current));
            boolean shouldRead = session.active && d == session.holder && !revoked[session.owner][d];
            if (shouldRead) {
                assertEquals(200, read.status(), () -> "the holder reads its session after " + after + ": " + read);
                assertEquals(devices[session.owner][d].id(), read.get("holderDeviceId"));
            } else {
                int device = d;
                assertNotEquals(200, read.status(), () -> "device " + device + " is not the holder after " + after + ": " + read);
            }
            if (session.keptOut != null && d == session.keptOut && d != session.holder) {
                assertTrue(read.status() == 403 || read.status() == 401, () -> "kept out after " + after + ": " + read);
            }
        }
        int other = 1 - session.owner;
        for (int d = 0; d < 3; d++) {
            if (!revoked[other][d]) {
                Reply foreign = served(users[other].readSession(devices[other][d], current));
                assertEquals(404, foreign.status(), () -> "another user's session is missing to them, after " + after + ": " + foreign);
                return;
            }
        }
    }

    private static Reply served(Reply reply) {
        assertTrue(reply.status() < 500, () -> "a 5xx: " + reply);
        String call = reply.raw().request().method() + " " + reply.raw().request().uri().getPath().replaceAll("[0-9a-f-]{36}", "{id}");
        String code = reply.status() >= 400 ? " " + reply.code() : "";
        ANSWERS.merge(call + " " + reply.status() + code, 1, Integer::sum);
        return reply;
    }
}
