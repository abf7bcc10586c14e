package dev.baton.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Random sequences of calls by two users with three devices each, against the shared server.
 * After every step: no answer is a 5xx; each active session is read by exactly one device, its
 * holder; a device kept out never reads it; and the other user's calls on it answer like a
 * missing session.
 *
 * <p>The sequences come from {@link java.util.Random} with seeds drawn from a fixed base seed
 * ({@link Seeds}), so every run plays the same ones. There is no shrinking: a failure names the
 * sequence's seed and all its steps, and {@code -Dbaton.seed=<seed>} plays that one sequence alone.
 */
@ExtendWith(SharedBaton.class)
class InvariantsIT {

    private static final long SEED = 20261128L;
    private static final int SEQUENCES = 30;

    enum Kind {
        OPEN(3), REQUEST(4), CLAIM(4), WRONG_CLAIM(1), RESTORE(4), MOVE(4), END(1), REVOKE(1);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    /** One call: {@code user} and {@code device} pick who makes it, {@code pick} which session. */
    record Step(Kind kind, int user, int device, int other, int pick) {

        @Override
        public String toString() {
            return kind + "(u" + user + " d" + device + " o" + other + " p" + pick + ")";
        }
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
    /** Each kind as many times as its weight: a uniform draw from it is a weighted draw of kinds. */
    private static final List<Kind> KINDS = Arrays.stream(Kind.values()).flatMap(k -> Collections.nCopies(k.weight, k).stream()).toList();

    @TestFactory
    Stream<DynamicTest> everyStepKeepsOneHolderPerSessionAndEachUserToThemselves(TestReporter reporter) {
        return Seeds.of(SEED, SEQUENCES, reporter).mapToObj(seed -> {
            List<Step> steps = sequence(new Random(seed));
            return dynamicTest("seed " + seed + ", " + steps.size() + " steps", () -> play(seed, steps));
        });
    }

    /** Both users open a session, then 6 to 20 weighted random steps; user 0 makes four in five. */
    private static List<Step> sequence(Random random) {
        List<Step> steps = new ArrayList<>(List.of(new Step(Kind.OPEN, 0, 0, 0, 0), new Step(Kind.OPEN, 1, 0, 0, 0)));
        int size = 6 + random.nextInt(15);
        for (int i = 0; i < size; i++) {
            Kind kind = KINDS.get(random.nextInt(KINDS.size()));
            int user = random.nextInt(5) < 4 ? 0 : 1;
            steps.add(new Step(kind, user, random.nextInt(3), random.nextInt(3), random.nextInt(8)));
        }
        return steps;
    }

    private static void play(long seed, List<Step> steps) {
        Clerk[] users = {Clerk.fresh(), Clerk.fresh()};
        Clerk.Device[][] devices = new Clerk.Device[2][3];
        boolean[][] revoked = new boolean[2][3];
        for (int u = 0; u < 2; u++) {
            for (int d = 0; d < 3; d++) {
                devices[u][d] = users[u].register(d == 0 ? "desktop" : d == 1 ? "laptop" : "phone");
            }
        }
        List<Held> sessions = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            try {
                take(step, users, devices, revoked, sessions);
                for (Held held : sessions) {
                    check(held, users, devices, revoked, step);
                }
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ", step " + (i + 1) + " of " + steps + ": " + e.getMessage(), e);
            }
        }
    }

    private static void take(Step step, Clerk[] users, Clerk.Device[][] devices, boolean[][] revoked, List<Held> sessions) {
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
        Reply offered = served(clerk.offerReply(devices[step.user()][session.holder], new Clerk.Held(session.id, session.token),
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
        Reply claimed = served(clerk.claimReply(targetMostly(step, devices, session), session.transferId, rightCode ? session.claimCode : "WRONGCDE"));
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
        Reply restored = served(clerk.restoreReply(restorer, session.id, session.restoreToken, session.info));
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

    @AfterAll
    static void report(TestReporter reporter) {
        reporter.publishEntry("figures", "random call sequences: " + STEPS.get() + " steps, " + RESTORES.get() + " sessions restored, "
                + CHECKS.get() + " invariant checks; answers: " + ANSWERS);
    }

    private static void check(Held session, Clerk[] users, Clerk.Device[][] devices, boolean[][] revoked, Step after) {
        CHECKS.incrementAndGet();
        Clerk owner = users[session.owner];
        Clerk.Held current = new Clerk.Held(session.id, session.token);
        for (int d = 0; d < 3; d++) {
            Reply read = served(owner.readSessionReply(devices[session.owner][d], current));
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
                Reply foreign = served(users[other].readSessionReply(devices[other][d], current));
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
