package dev.baton.it;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * A whole flow of a fresh user, and every secret it handed out: device, session and restore tokens,
 * the claim code, the JWT's signature. None of them may show in an audit or a log.
 */
public record Secrets(Clerk clerk, List<String> all) {

    /** Runs the flow (register two devices, open, transfer, claim, restore) with {@code clerk}. */
    public static Secrets ofAFlow(Clerk clerk) {
        Clerk.Device desktop = clerk.register("desktop");
        Clerk.Device phone = clerk.register("phone");
        Clerk.Held session = clerk.open(desktop);
        JsonObject transfer = clerk.offer(desktop, session, phone);
        Reply claim = clerk.claimReply(phone, transfer.getString("id"), transfer.getString("claimCode"));
        JsonObject restored = clerk.restoreReply(phone, session.id(), claim.get("restoreToken"), claim.json().getJsonObject("sessionInfo")).json();
        return new Secrets(clerk, List.of(desktop.token(), phone.token(), session.token(), transfer.getString("claimCode"),
                claim.get("restoreToken"), restored.getString("sessionToken"), clerk.jwt().split("\\.")[2],
                Clerk.encode(Clerk.info())));
    }
}
