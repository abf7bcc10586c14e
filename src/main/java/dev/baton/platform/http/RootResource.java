package dev.baton.platform.http;

import dev.baton.platform.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What a person who opens Baton's address sees: what it is and where the API lives. */
@Path("")
public class RootResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject describe() {
        return Jsons.JSON.createObjectBuilder()
                .add("service", "Baton")
                .add("description", "Moves a user's live session from one device to another.")
                .add("api", "/api/v1")
                .build();
    }
}
