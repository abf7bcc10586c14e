package dev.baton.ui;

import dev.baton.platform.problem.BatonException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The browsable API page, {@code /api/docs/}: Swagger UI showing Baton's own OpenAPI document
 * ({@code /openapi}, served by Payara). Its files come from the {@code org.webjars:swagger-ui} jar
 * packed with Baton, read here as {@link UiResource} reads the clerk's pages (JAX-RS answers every
 * path, so the container never serves a jar's {@code META-INF/resources}); only the few files the
 * page needs are served, any other name is a 404. Not part of the API, so not in the document.
 */
@Path("api/docs")
public class ApiDocsResource {

    private static final String SWAGGER_UI = "/META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
    private static final Map<String, Asset> FILES = Map.of(
            "swagger-ui-bundle.js", new Asset(SWAGGER_UI + "swagger-ui-bundle.js", "text/javascript; charset=utf-8"),
            "swagger-ui.css", new Asset(SWAGGER_UI + "swagger-ui.css", "text/css; charset=utf-8"),
            "docs.js", new Asset("/ui/docs/docs.js", "text/javascript; charset=utf-8"));
    /**
     * Baton's own scripts and styles only (Swagger UI sets styles through the DOM, which a policy
     * does not restrict, so it needs no {@code 'unsafe-inline'}); its icons are {@code data:} images;
     * it fetches the document from Baton.
     */
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private record Asset(String resource, String type) {
    }

    /** The version of the webjar on the class path, so that the pom alone names it. */
    private static String webjarVersion() {
        Properties pom = new Properties();
        try (InputStream in = ApiDocsResource.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            pom.load(Objects.requireNonNull(in, "org.webjars:swagger-ui is not on the class path"));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return pom.getProperty("version");
    }

    /** {@code /api/docs/} is the page; {@code /api/docs} leads there, so that its relative links resolve. */
    @GET
    public Response page(@Context UriInfo uri) {
        if (!uri.getPath().endsWith("/")) {
            return Response.seeOther(uri.getBaseUri().resolve("api/docs/")).build();
        }
        byte[] page = UiResource.read("/ui/docs/index.html").orElseThrow();
        return Response.ok(page, "text/html; charset=utf-8").header("Content-Security-Policy", POLICY).build();
    }

    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String name) {
        Asset asset = FILES.get(name);
        if (asset == null) {
            throw BatonException.notFound();
        }
        return Response.ok(UiResource.read(asset.resource()).orElseThrow(), asset.type()).build();
    }
}
