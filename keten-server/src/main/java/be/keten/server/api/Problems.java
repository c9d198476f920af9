package be.keten.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * RFC 9457 problem details written outside Spring MVC (security filters and entry points), in the
 * same shape as {@link ProblemHandler} gives the controllers' errors.
 */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    /** The {@code type} URI of a problem kind, e.g. {@code forbidden-by-rulebook}. */
    public static URI type(String kind) {
        return URI.create("https://keten.invalid/problems/" + kind);
    }

    public static void write(HttpServletResponse response, int status, String title, String detail, Map<String, Object> extra)
            throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", type(kindOf(status)).toString());
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (extra != null) {
            extra.forEach((k, v) -> body.set(k, JSON.valueToTree(v)));
        }
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }

    /** The problem kind of the HTTP errors that are not specific to Keten. */
    public static String kindOf(int status) {
        switch (status) {
            case 400: return "malformed-request";
            case 401: return "unauthenticated";
            case 403: return "forbidden-for-role";
            case 404: return "not-found";
            case 405: return "method-not-allowed";
            case 406: return "not-acceptable";
            case 409: return "conflict";
            case 413: return "too-large";
            case 415: return "unsupported-media-type";
            case 422: return "forbidden-by-rulebook";
            case 429: return "too-many-requests";
            case 503: return "unavailable";
            default: return "error";
        }
    }
}
