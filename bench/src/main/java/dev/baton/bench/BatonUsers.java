package dev.baton.bench;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.baton.bench.Call.Device;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Baton's users as the benchmark simulates them, against one or more demo-mode nodes: each user
 * has a name of its own, its own demo token and connection, and sends its calls to the nodes in
 * turn, so with two nodes consecutive steps of one transfer land on different nodes.
 */
final class BatonUsers {

    static final String STATE = "{\"form\":\"loan-42\",\"step\":3}";
    static final String INFO = "{\"page\":\"/loans/42/step/3\",\"scroll\":1200}";
    static final String INFO_HEADER = Base64.getUrlEncoder().withoutPadding().encodeToString(INFO.getBytes(StandardCharsets.UTF_8));

    private BatonUsers() {
    }

    /** What every Baton user shares: the nodes, a connection, a token, the next node to call. */
    abstract static class BatonUser implements ClosedLoop.User {
        final List<URI> nodes;
        final String name;
        final boolean proofs;
        final HttpClient client = Call.client();
        String jwt;
        private int next;

        BatonUser(List<URI> nodes, String name, boolean proofs) {
            this.nodes = nodes;
            this.name = name;
            this.proofs = proofs;
            this.next = Math.abs(name.hashCode()) % nodes.size();
        }

        /** {@code path} on the next node in turn. */
        URI url(String path) {
            return nodes.get(next++ % nodes.size()).resolve(path);
        }

        String token(String... groups) throws Exception {
            String list = String.join("\",\"", groups.length == 0 ? new String[] {"baton-user"} : groups);
            return (String) Call.post(url("/dev/token")).json("{\"user\":\"" + name + "\",\"groups\":[\"" + list + "\"]}")
                    .sendForJson(client, "token").get("token");
        }

        Device register(String kind) throws Exception {
            ProofKey key = proofs ? new ProofKey() : null;
            String body = "{\"name\":\"bench " + kind + "\",\"kind\":\"" + kind + "\",\"platform\":\"bench\""
                    + (key == null ? "" : ",\"publicKey\":" + key.publicJwk()) + "}";
            Map<String, Object> device = Call.post(url("/api/v1/devices")).bearer(jwt).json(body).sendForJson(client, "register");
            return new Device((String) device.get("id"), (String) device.get("deviceToken"), key);
        }

        /** Opens a session on {@code device}; answers its id and session token. */
        String[] open(Device device) throws Exception {
            Map<String, Object> session = Call.post(url("/api/v1/sessions")).bearer(jwt).device(device)
                    .json("{\"application\":\"portal\",\"state\":" + STATE + "}").sendForJson(client, "open");
            return new String[] {(String) session.get("id"), (String) session.get("sessionToken")};
        }
    }

    /** The floor: a trivial GET on the same node. */
    static final class Floor extends BatonUser {
        Floor(List<URI> nodes, String name) {
            super(nodes, name, false);
        }

        @Override
        public void setUp() {
        }

        @Override
        public long iterate() throws Exception {
            long t0 = System.nanoTime();
            Call.get(url("/health/live")).send(client, "live");
            return System.nanoTime() - t0;
        }
    }

    /** A portal checking its session on every page load: GET the session as its holder. */
    static final class Reader extends BatonUser {
        private Device device;
        private String sessionId;
        private String sessionToken;

        Reader(List<URI> nodes, String name, boolean proofs) {
            super(nodes, name, proofs);
        }

        @Override
        public void setUp() throws Exception {
            jwt = token();
            device = register("desktop");
            String[] session = open(device);
            sessionId = session[0];
            sessionToken = session[1];
        }

        @Override
        public long iterate() throws Exception {
            long t0 = System.nanoTime();
            Call.get(url("/api/v1/sessions/" + sessionId)).bearer(jwt).device(device)
                    .header("Baton-Session-Token", sessionToken).send(client, "read");
            return System.nanoTime() - t0;
        }
    }

    /**
     * A complete transfer per iteration: the desktop opens a session, asks to move it to the phone,
     * the phone claims it with the code and restores it. Records request + claim + restore.
     */
    static final class Mover extends BatonUser {
        private Device desktop;
        private Device phone;

        Mover(List<URI> nodes, String name, boolean proofs) {
            super(nodes, name, proofs);
        }

        @Override
        public void setUp() throws Exception {
            jwt = token();
            desktop = register("desktop");
            phone = register("phone");
        }

        @Override
        public long iterate() throws Exception {
            String[] session = open(desktop);
            long t0 = System.nanoTime();
            Map<String, Object> transfer = Call.post(url("/api/v1/sessions/" + session[0] + "/transfers")).bearer(jwt)
                    .device(desktop).header("Baton-Session-Token", session[1]).header("Baton-Session-Info", INFO_HEADER)
                    .json("{\"targetDeviceId\":\"" + phone.id() + "\"}").sendForJson(client, "request");
            Map<String, Object> claim = Call.post(url("/api/v1/transfers/" + transfer.get("id") + "/claim")).bearer(jwt)
                    .device(phone).json("{\"claimCode\":\"" + transfer.get("claimCode") + "\"}").sendForJson(client, "claim");
            String restore = JSONObjectUtils.toJSONString(Map.of("restoreToken", claim.get("restoreToken"),
                    "sessionInfo", claim.get("sessionInfo")));
            Call.post(url("/api/v1/sessions/" + session[0] + "/restore")).bearer(jwt).device(phone).json(restore)
                    .send(client, "restore");
            return System.nanoTime() - t0;
        }
    }
}
