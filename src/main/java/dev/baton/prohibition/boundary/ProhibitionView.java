package dev.baton.prohibition.boundary;

import dev.baton.platform.json.Jsons;
import dev.baton.prohibition.entity.Prohibition;
import jakarta.json.JsonObject;

/** A prohibition as an admin sees it: which device is kept out of which session, from when until when. */
public final class ProhibitionView {

    private ProhibitionView() {
    }

    public static JsonObject of(Prohibition prohibition) {
        return Jsons.object(
                "id", prohibition.id(),
                "sessionId", prohibition.sessionId(),
                "deviceId", prohibition.deviceId(),
                "transferId", prohibition.transferId(),
                "startsAt", prohibition.startsAt(),
                "untilAt", prohibition.untilAt());
    }
}
