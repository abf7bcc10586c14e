package dev.baton.ui;

import dev.baton.demo.DemoMode;
import dev.baton.platform.json.Jsons;
import dev.baton.platform.problem.BatonException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The pages a clerk sees ({@code /app/}) and the browser client they are built on
 * ({@code /client/v1/baton-client.js}, an ES module a portal may import): files packed with Baton
 * under {@code ui/}, nothing fetched from elsewhere. Pages may run only Baton's own scripts and
 * styles and talk only to Baton and the identity provider.
 */
@Path("")
@ApplicationScoped
public class UiResource {

    private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}\\.(js|css)");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");
    /** The pages: one shell ({@code ui/app/shell.html}), each page with its title and its script. */
    private static final Map<String, Page> PAGES = Map.of(
            "index.html", new Page("This device", "home.js"),
            "loan.html", new Page("Loan application", "loan.js"),
            "claim.html", new Page("Continue here", "claim.js"),
            "audit.html", new Page("Audit timeline", "audit.js"));
    private static final String SHELL = new String(read("/ui/app/shell.html").orElseThrow(), StandardCharsets.UTF_8);

    private record Page(String title, String script) {

        String html() {
            return SHELL.replace("${title}", title).replace("${script}", script);
        }
    }

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "baton.ui.oidc-client-id")
    Optional<String> oidcClientId;

    /** {@code /app/} is the home page; {@code /app} leads there, so that relative links resolve. */
    @GET
    @Path("app")
    public Response index(@Context UriInfo uri) {
        return uri.getPath().endsWith("/") ? page("index.html") : Response.seeOther(uri.getBaseUri().resolve("app/")).build();
    }

    @GET
    @Path("app/{file}")
    public Response app(@PathParam("file") String name) {
        return PAGES.containsKey(name) ? page(name) : file("app", name);
    }

    @GET
    @Path("client/v1/{file}")
    public Response client(@PathParam("file") String name) {
        return file("client/v1", name);
    }

    /** What the pages need to offer sign-in: demo tokens, an OpenID provider's public client, or both. */
    @GET
    @Path("app/config")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject config() {
        JsonValue oidc = oidcClientId.filter(id -> issuer.isPresent())
                .<JsonValue>map(id -> Jsons.object("authority", issuer.get(), "clientId", id))
                .orElse(JsonValue.NULL);
        return Jsons.object("demo", DemoMode.enabled(), "oidc", oidc);
    }

    private Response file(String folder, String name) {
        if (!FILE.matcher(name).matches()) {
            throw BatonException.notFound();
        }
        byte[] content = read("/ui/" + folder + "/" + name).orElseThrow(BatonException::notFound);
        return Response.ok(content, TYPES.get(name.substring(name.lastIndexOf('.') + 1))).build();
    }

    private Response page(String name) {
        return Response.ok(PAGES.get(name).html(), "text/html; charset=utf-8").header("Content-Security-Policy", policy()).build();
    }

    /** Baton's own scripts, styles and images (QR codes come as data URIs); calls to Baton and the identity provider. */
    private String policy() {
        String idp = issuer.filter(i -> i.startsWith("https://") || i.startsWith("http://"))
                .map(i -> " " + origin(URI.create(i)))
                .orElse("");
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'" + idp
                + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** The bytes of a file packed with Baton, if there is one. */
    static Optional<byte[]> read(String resource) {
        try (InputStream in = UiResource.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
