package com.spurlab.core.step;

/** A failure worth retrying (a resource briefly unavailable); the queue retries with back-off. */
public class TransientJobException extends RuntimeException {
    public TransientJobException(String message) {
        super(message);
    }
}
