package com.spurlab.core;

/** The request clashes with the stored state (a name taken, a limit reached); mapped to 409. */
public class ConflictException extends RuntimeException {
    private final String code;

    public ConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
