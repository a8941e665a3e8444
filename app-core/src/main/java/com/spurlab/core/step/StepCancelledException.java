package com.spurlab.core.step;

/** A running step saw its cancel request and stopped. */
public class StepCancelledException extends RuntimeException {
    public StepCancelledException() {
        super("cancelled while running");
    }
}
