package dev.baton.platform.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a person who opens Baton's address sees: what it is and where the API and its description live. */
@Path("")
@Tag(name = "service", description = "Baton itself.")
public class RootResource {

    private static final ServiceIndex INDEX = new ServiceIndex("Baton",
            "Moves a user's live session from one device to another.", "/api/v1", "/openapi", "/api/docs");

    /** Where to go from Baton's address. */
    @Schema(description = "What Baton is and where its API lives.")
    public record ServiceIndex(
            @Schema(example = "Baton") String service,
            @Schema(example = "Moves a user's live session from one device to another.") String description,
            @Schema(description = "The API's base path.", example = "/api/v1") String api,
            @Schema(description = "The API's OpenAPI document (YAML; JSON with `Accept: application/json`).", example = "/openapi") String openapi,
            @Schema(description = "The API's browsable documentation.", example = "/api/docs") String docs) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "root.describe", summary = "What Baton is, and where its API and the API's description live")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "Baton's index.")
    public ServiceIndex describe() {
        return INDEX;
    }
}
