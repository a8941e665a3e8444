package com.spurlab.core;

/** The caller asked for something malformed; the message says what to fix (mapped to 400). */
public class InvalidRequestException extends RuntimeException {
    private final String code;

    public InvalidRequestException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
