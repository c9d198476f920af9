package be.keten.server.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An API error with its HTTP status and problem kind ({@link Problems#type}); {@link ProblemHandler}
 * writes it as application/problem+json. {@code field} names the request field, parameter or header
 * at fault, where there is one. Details never carry personal data from the store.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String kind;
    private final String title;
    private final String field;
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiException(int status, String kind, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.field = field;
    }

    /** 400: a malformed parameter, header or body field. */
    public static ApiException badRequest(String field, String detail) {
        return new ApiException(400, "malformed-request", "Malformed request", detail, field);
    }

    /** 404: no such resource. */
    public static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", "Not found", detail, null);
    }

    /** 409: the resource is not in a state that allows the request. */
    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", "Conflict", detail, null);
    }

    /** 503: the data is being loaded; try again after {@code retryAfterSeconds}. */
    public static ApiException loading(String detail, int retryAfterSeconds) {
        return new ApiException(503, "loading", "Data is being loaded", detail, null).header("Retry-After", Integer.toString(retryAfterSeconds));
    }

    public ApiException with(String name, Object value) {
        extra.put(name, value);
        return this;
    }

    public ApiException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public Map<String, Object> extra() {
        return extra;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
