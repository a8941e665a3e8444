package com.spurlab.core;

/** A requested thing does not exist (mapped to 404 by the API). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what, long id) {
        super(what + " " + id + " does not exist");
    }

    /**
     * What the API answers for any "not found": the same words whether the thing is missing or belongs to a
     * project the caller is no member of, so that answers never tell which ids exist.
     */
    public static String answerFor(String method, String path) {
        return method + " " + path + " names something that does not exist or is not in a project you are a "
                + "member of; check the ids in its path and body";
    }
}
