package be.keten.server.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's own errors raised before or outside the API controllers (an unknown path under
 * {@code /api}, a method a path does not allow) as problem+json with Keten's type URIs. It takes
 * the place of Spring Boot's default handler ({@code spring.mvc.problemdetails.enabled}), with the
 * same scope; {@link ProblemHandler} comes first for the API controllers.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class SpringProblems extends ResponseEntityExceptionHandler {
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers, HttpStatusCode status,
                                                             WebRequest request) {
        ResponseEntity<Object> r = super.handleExceptionInternal(ex, body, headers, status, request);
        if (r != null && r.getBody() instanceof ProblemDetail p) {
            p.setType(Problems.type(Problems.kindOf(status.value())));
        }
        return r;
    }
}
