package com.spurlab.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Errors raised before a controller is chosen (wrong method or media type, a multipart body over the
 * container's limit): for API paths they get the API's {"error", "message"} shape too. Other paths keep
 * the framework's answers (the exception is rethrown to the next resolver).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiRequestErrors {

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
            throws HttpMediaTypeNotSupportedException {
        requireApi(request, e);
        return of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "content type "
                + e.getContentType() + " is not accepted here; send one of " + e.getSupportedMediaTypes());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request)
            throws HttpMediaTypeNotAcceptableException {
        requireApi(request, e);
        return of(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "this call answers " + e.getSupportedMediaTypes());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
            throws HttpRequestMethodNotSupportedException {
        requireApi(request, e);
        return of(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request)
            throws MaxUploadSizeExceededException {
        requireApi(request, e);
        return of(HttpStatus.PAYLOAD_TOO_LARGE, "upload_too_large", "the upload exceeds the installation's "
                + "size limit; split it into several versions");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> multipart(MultipartException e, HttpServletRequest request) throws MultipartException {
        requireApi(request, e);
        return of(HttpStatus.BAD_REQUEST, "malformed_request", "the multipart body could not be read; send the "
                + "parts 'file' and 'name' as multipart/form-data");
    }

    private static <E extends Exception> void requireApi(HttpServletRequest request, E e) throws E {
        if (!request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/")) {
            throw e;
        }
    }

    private static ResponseEntity<ApiError> of(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(new ApiError(code, message));
    }
}
