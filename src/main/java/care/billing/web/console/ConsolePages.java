package care.billing.web.console;

import care.billing.web.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;

/**
 * The console (docs/console.md): server-rendered pages over the rules workbench API
 * (docs/workbench.md). Each page is a shell that knows its user and roles; {@code console.js}
 * fills it from the API with the browser's login cookie, so the console can do nothing the API
 * does not allow that user. Nothing imports this package.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ConsolePages {

    private final SecurityIdentity identity;
    private final String cookieName;
    private final String locationCookie;
    private final Template login;
    private final Template rules;
    private final Template file;
    private final Template drafts;
    private final Template draft;
    private final Template history;
    private final Template denied;

    public ConsolePages(SecurityIdentity identity,
                        @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
                        String cookieName,
                        @ConfigProperty(name = "quarkus.http.auth.form.location-cookie",
                                defaultValue = "quarkus-redirect-location") String locationCookie,
                        @Location("console/login.html") Template login,
                        @Location("console/rules.html") Template rules,
                        @Location("console/file.html") Template file,
                        @Location("console/drafts.html") Template drafts,
                        @Location("console/draft.html") Template draft,
                        @Location("console/history.html") Template history,
                        @Location("console/denied.html") Template denied) {
        this.identity = identity;
        this.cookieName = cookieName;
        this.locationCookie = locationCookie;
        this.login = login;
        this.rules = rules;
        this.file = file;
        this.drafts = drafts;
        this.draft = draft;
        this.history = history;
        this.denied = denied;
    }

    @GET
    @Path("/login")
    @PermitAll
    public String login(@Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        return login.data("error", query.containsKey("error")).data("loggedOut", query.containsKey("out")).render();
    }

    @POST
    @Path("/logout")
    @PermitAll
    public Response logout() {
        return Response.seeOther(URI.create("/console/login?out")).cookie(new NewCookie.Builder(cookieName)
                .path("/").value("").maxAge(0).httpOnly(true).build()).build();
    }

    @GET
    @Path("/")
    public String rules() {
        return page(rules, "rules").render();
    }

    @GET
    @Path("/files/{path: .+}")
    public String file(@PathParam("path") String path) {
        return page(file, "file").data("path", path).render();
    }

    @GET
    @Path("/drafts")
    public String drafts() {
        return page(drafts, "drafts").render();
    }

    @GET
    @Path("/drafts/{id}")
    public String draft(@PathParam("id") String id, @QueryParam("file") String path) {
        return page(draft, "draft").data("draftId", id).data("path", path == null ? "" : path).render();
    }

    @GET
    @Path("/history")
    public String history() {
        return page(history, "history").render();
    }

    private TemplateInstance page(Template template, String name) {
        return template.data("page", name)
                .data("user", identity.getPrincipal().getName())
                .data("viewer", identity.hasRole(Roles.VIEWER))
                .data("editor", identity.hasRole(Roles.EDITOR))
                .data("approver", identity.hasRole(Roles.APPROVER));
    }

    /**
     * A browser without a login goes to the login page (the API answers 401 problem+json instead); the
     * form mechanism's location cookie brings it back to the page it asked for once signed in.
     */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return Response.seeOther(URI.create("/console/login")).cookie(new NewCookie.Builder(locationCookie)
                .path("/").value(uri.getRequestUri().toString()).httpOnly(true).build()).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML)
                .entity(denied.data("user", identity.getPrincipal().getName()).render()).build();
    }
}
