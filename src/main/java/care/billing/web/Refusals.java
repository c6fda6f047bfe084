package care.billing.web;

import care.billing.evaluation.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * HTTP refusals in the caller's words: a 404, 405, 406 or 415 says what the endpoint does take,
 * answer or allow, from the resources' own annotations (read once); never the framework's wording.
 */
@ApplicationScoped
public class Refusals {

    /** One resource method: its path (as a pattern and as written), HTTP method, and media types. */
    private record Endpoint(Pattern path, String template, String method, String[] consumes, String[] produces) {
    }

    private final List<Endpoint> endpoints = new ArrayList<>();

    public Refusals(BeanManager beans) {
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root != null) {
                for (Method method : type.getMethods()) {
                    String verb = verb(method);
                    if (verb != null) {
                        Path sub = method.getAnnotation(Path.class);
                        String template = join(root.value(), sub == null ? "" : sub.value());
                        endpoints.add(new Endpoint(Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+")), template,
                                verb, types(method.getAnnotation(Consumes.class), type.getAnnotation(Consumes.class)),
                                types(method.getAnnotation(Produces.class), type.getAnnotation(Produces.class))));
                    }
                }
            }
        }
    }

    Problem problem(WebApplicationException e, String method, String path, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        String reason = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        List<Endpoint> here = endpoints.stream().filter(endpoint -> endpoint.path().matcher(path).matches()).toList();
        List<Endpoint> same = here.stream().filter(endpoint -> endpoint.method().equals(method)).toList();
        String where = here.isEmpty() ? shorten(path) : here.get(0).template();
        String detail = switch (status) {
            case 404 -> "there is no endpoint at " + shorten(path) + "; the endpoints are described at /q/openapi";
            case 405 -> method + " is not allowed at " + where + "; allowed: " + distinct(here, Endpoint::method);
            case 406 -> where + " answers " + distinct(same, endpoint -> String.join(" or ", endpoint.produces()))
                    + "; the Accept header asks for " + shorten(headers.getHeaderString(HttpHeaders.ACCEPT));
            case 415 -> where + " takes " + distinct(same, endpoint -> String.join(" or ", endpoint.consumes()))
                    + "; the body was sent as " + shorten(headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
            default -> ownWords(e, reason);
        };
        return Problem.http(status, reason, detail);
    }

    /** The exception's message if the service wrote it; the framework's default says only the status again. */
    private static String ownWords(WebApplicationException e, String reason) {
        String message = e.getMessage();
        return message == null || message.startsWith("HTTP ") || message.contains("@") ? reason : message;
    }

    private static String verb(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String[] types(Consumes onMethod, Consumes onClass) {
        return onMethod != null ? onMethod.value() : onClass != null ? onClass.value() : new String[] {"*/*"};
    }

    private static String[] types(Produces onMethod, Produces onClass) {
        return onMethod != null ? onMethod.value() : onClass != null ? onClass.value() : new String[] {"*/*"};
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String distinct(List<Endpoint> endpoints, java.util.function.Function<Endpoint, String> what) {
        Set<String> values = new LinkedHashSet<>();
        endpoints.forEach(endpoint -> values.add(what.apply(endpoint)));
        return values.isEmpty() ? "nothing" : String.join(", ", values);
    }

    /** A caller's value as a message quotes it: printable, at most 100 characters. */
    private static String shorten(String value) {
        if (value == null || value.isBlank()) {
            return "(none)";
        }
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 100 ? printable.substring(0, 100) + "…" : printable;
    }
}
