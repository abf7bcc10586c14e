package dev.baton.admin.boundary;

import dev.baton.device.boundary.DeviceView;
import dev.baton.prohibition.boundary.ProhibitionView;
import dev.baton.session.boundary.SessionSummary;
import dev.baton.transfer.boundary.TransferView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an admin sees of one user: every device with its status, the active sessions without state
 * or token, the open transfers without code, the prohibitions that hold now. Empty lists for a
 * user Baton never saw.
 */
@Schema(name = "AdminUser", description = "A user's devices, active sessions, open transfers and prohibitions: no token, code or state.")
public record UserView(
        @Schema(description = "The user's subject (`sub`).", example = "alice") String user,
        List<DeviceView> devices,
        List<SessionSummary> sessions,
        List<TransferView> transfers,
        List<ProhibitionView> prohibitions) {
}
