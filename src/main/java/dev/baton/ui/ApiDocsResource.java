package dev.baton.ui;

import dev.baton.platform.problem.BatonException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The browsable API page, {@code /api/docs/}: Swagger UI showing Baton's own OpenAPI document
 * ({@code /openapi}, served by Payara). Its files come from the {@code org.webjars:swagger-ui} jar
 * packed with Baton; only the few the page needs are served, any other name is a 404. The page runs
 * only these scripts and talks only to Baton. Not part of the API, so not in the document.
 */
@Path("api/docs")
public class ApiDocsResource {

    private static final String SWAGGER_UI = "/META-INF/resources/webjars/swagger-ui/5.34.1/";
    private static final Map<String, Asset> FILES = Map.of(
            "swagger-ui-bundle.js", new Asset(SWAGGER_UI + "swagger-ui-bundle.js", "text/javascript; charset=utf-8"),
            "swagger-ui.css", new Asset(SWAGGER_UI + "swagger-ui.css", "text/css; charset=utf-8"),
            "docs.js", new Asset("/ui/docs/docs.js", "text/javascript; charset=utf-8"));
    /**
     * Baton's scripts and styles alone; Swagger UI also sets {@code style} attributes (its
     * collapsing sections, the models' layout), which {@code 'unsafe-inline'} for attributes permits.
     */
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private record Asset(String resource, String type) {
    }

    /** {@code /api/docs/} is the page; {@code /api/docs} leads there, so that its relative links resolve. */
    @GET
    @Operation(hidden = true)
    public Response page(@Context UriInfo uri) {
        if (!uri.getPath().endsWith("/")) {
            return Response.seeOther(uri.getBaseUri().resolve("api/docs/")).build();
        }
        byte[] page = UiResource.read("/ui/docs/index.html").orElseThrow();
        return Response.ok(page, "text/html; charset=utf-8").header("Content-Security-Policy", POLICY).build();
    }

    @GET
    @Path("{file}")
    @Operation(hidden = true)
    public Response file(@PathParam("file") String name) {
        Asset asset = FILES.get(name);
        if (asset == null) {
            throw BatonException.notFound();
        }
        return Response.ok(UiResource.read(asset.resource()).orElseThrow(), asset.type()).build();
    }
}
