package dev.baton.prohibition.boundary;

import dev.baton.prohibition.entity.Prohibition;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A prohibition as an admin sees it: which device is kept out of which session, from when until when. */
@Schema(name = "Prohibition", description = "A device kept out of a session after the session moved away from it.")
public record ProhibitionView(
        String id,
        String sessionId,
        @Schema(description = "The device kept out.") String deviceId,
        @Schema(description = "The transfer that moved the session away.") String transferId,
        Instant startsAt,
        Instant untilAt) {

    public static ProhibitionView of(Prohibition prohibition) {
        return new ProhibitionView(prohibition.id(), prohibition.sessionId(), prohibition.deviceId(), prohibition.transferId(),
                prohibition.startsAt(), prohibition.untilAt());
    }
}
