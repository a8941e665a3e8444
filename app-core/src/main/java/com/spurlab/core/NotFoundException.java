package com.spurlab.core;

/** A requested thing does not exist (mapped to 404 by the API). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what, long id) {
        super(what + " " + id + " does not exist");
    }
}
