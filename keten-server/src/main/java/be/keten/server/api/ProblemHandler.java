package be.keten.server.api;

import be.keten.io.events.EventFormatException;
import be.keten.store.IdempotencyKeyReusedException;
import be.keten.store.StoreException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every error of the API controllers as application/problem+json (RFC 9457), with a
 * {@link Problems#type type} per kind and, for bad input, the {@code field} at fault: bad input is
 * always a 4xx. A 5xx is a fault of the server or its database, logged without request data.
 * (Errors before a controller is found, such as an unknown path, are {@link SpringProblems}'.)
 */
@RestControllerAdvice(basePackages = "be.keten.server.api")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        ProblemDetail p = problem(e.status(), e.kind(), e.title(), e.getMessage(), e.field(), request);
        e.extra().forEach(p::setProperty);
        HttpHeaders headers = new HttpHeaders();
        e.headers().forEach(headers::add);
        return respond(p, headers);
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return respond(problem(403, Problems.kindOf(403), "Forbidden for your role",
                e.getMessage() == null ? "not allowed for your role" : e.getMessage(), null, request), null);
    }

    @ExceptionHandler(EventFormatException.class)
    public ResponseEntity<ProblemDetail> event(EventFormatException e, HttpServletRequest request) {
        return respond(problem(400, "malformed-request", "Malformed request", e.describe(), e.field(), request), null);
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    public ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException e, HttpServletRequest request) {
        // The store's message names the other command's dossier: not the caller's business.
        return respond(problem(409, "idempotency-key-reused", "Idempotency key reused",
                "this Idempotency-Key was already used for a different command; use a new key for a new command", "Idempotency-Key", request),
                null);
    }

    @ExceptionHandler(StoreException.class)
    public ResponseEntity<ProblemDetail> store(StoreException e, HttpServletRequest request) {
        LOG.error("database error on {} {}: {}", request.getMethod(), pattern(request), e.getClass().getSimpleName());
        HttpHeaders headers = new HttpHeaders();
        headers.add("Retry-After", "30");
        return respond(problem(503, "unavailable", "Database unavailable", "the database failed; nothing was changed by this request", null,
                request), headers);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return respond(problem(400, "malformed-request", "Malformed request", "the request body is not readable", "body", request), null);
    }

    @ExceptionHandler(TypeMismatchException.class)
    public ResponseEntity<ProblemDetail> mismatch(TypeMismatchException e, HttpServletRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return respond(problem(400, "malformed-request", "Malformed request", name + ": not a valid value", name, request), null);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> other(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse er) {
            // Spring MVC's own errors (missing parameter, unsupported media type, wrong method...): all 4xx.
            int status = er.getStatusCode().value();
            String field = null;
            if (e instanceof MissingServletRequestParameterException m) {
                field = m.getParameterName();
            } else if (e instanceof MissingRequestHeaderException h) {
                field = h.getHeaderName();
            }
            String detail = er.getBody().getDetail();
            ProblemDetail p = problem(status, Problems.kindOf(status), er.getBody().getTitle(), detail == null ? "" : detail, field, request);
            return respond(p, er.getHeaders());
        }
        LOG.error("unexpected {} on {} {}", e.getClass().getName(), request.getMethod(), pattern(request), e);
        return respond(problem(500, "error", "Internal error", "the server failed to handle this request", null, request), null);
    }

    /** A problem with Keten's type URI for {@code kind}; {@code field} (when given) as an extension member. */
    static ProblemDetail problem(int status, String kind, String title, String detail, String field, HttpServletRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        p.setType(Problems.type(kind));
        p.setTitle(title);
        if (request != null) {
            try {
                p.setInstance(URI.create(request.getRequestURI()));
            } catch (IllegalArgumentException ignored) {
                // a path that is not a valid URI reference: no instance member
            }
        }
        if (field != null) {
            p.setProperty("field", field);
        }
        return p;
    }

    static ResponseEntity<ProblemDetail> respond(ProblemDetail p, HttpHeaders headers) {
        ResponseEntity.BodyBuilder b = ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (headers != null) {
            b.headers(headers);
        }
        return b.body(p);
    }

    /** The matched path pattern (with {dossier}, not its value): what the log may say about a request. */
    private static String pattern(HttpServletRequest request) {
        Object p = request.getAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return p == null ? "(unmatched)" : p.toString();
    }

}
