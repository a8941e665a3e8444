package com.spurlab.api;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.spurlab.core.ConflictException;
import com.spurlab.core.dataset.UploadTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Maps domain exceptions to {"error", "message"} with a fitting status. */
@RestControllerAdvice(basePackages = "com.spurlab.api")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    /** The same words for a missing thing and for one in another project: answers never tell which ids exist. */
    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e, HttpServletRequest request) {
        return of(HttpStatus.NOT_FOUND, "not_found", NotFoundException.answerFor(request.getMethod(),
                request.getRequestURI().substring(request.getContextPath().length())));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ApiError> conflict(ConflictException e) {
        return of(HttpStatus.CONFLICT, e.code(), e.getMessage());
    }

    /** A unique name or version taken by a concurrent request, a lock not granted in time: retrying helps. */
    @ExceptionHandler({DataIntegrityViolationException.class, ConcurrencyFailureException.class})
    ResponseEntity<ApiError> clash(Exception e) {
        log.info("request clashed with a concurrent one: {}", e.getClass().getSimpleName());
        return of(HttpStatus.CONFLICT, "conflict", "the request clashed with a concurrent change; send it again");
    }

    /** The database had no free connection in time (a burst of requests): the caller should retry. */
    @ExceptionHandler(CannotCreateTransactionException.class)
    ResponseEntity<ApiError> busy(CannotCreateTransactionException e) {
        log.warn("no database connection in time: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "2")
                .body(new ApiError("busy", "the server is busy; send the request again in a moment"));
    }

    @ExceptionHandler(UploadTooLargeException.class)
    ResponseEntity<ApiError> uploadTooLarge(UploadTooLargeException e) {
        return of(HttpStatus.PAYLOAD_TOO_LARGE, e.code(), e.getMessage());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ApiError> invalid(InvalidRequestException e) {
        return of(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(AccessDeniedException e) {
        return of(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return of(HttpStatus.PAYLOAD_TOO_LARGE, "upload_too_large", "the upload exceeds the size limit");
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    ResponseEntity<ApiError> malformed(Exception e) {
        String message = e instanceof HttpMessageNotReadableException unreadable ? unreadable(unreadable)
                : e.getMessage();
        return of(HttpStatus.BAD_REQUEST, "malformed_request", message);
    }

    /** Names the field when Jackson knows it (a float for a whole number, a string for a list …). */
    private static String unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("?");
            String expected = mismatch.getTargetType() == null ? "another type"
                    : expected(mismatch.getTargetType());
            return "field '" + field + "': expected " + expected;
        }
        return "the request body is not valid JSON of the expected shape";
    }

    private static String expected(Class<?> type) {
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        return java.util.Collection.class.isAssignableFrom(type) ? "a list" : "an object";
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return of(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        log.error("API request failed", e);
        return of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "the server failed; see its log");
    }

    private static ResponseEntity<ApiError> of(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(new ApiError(code, message));
    }
}
