package com.spurlab.scheduler.step;

/** A step that is not training saw its job's cancel request and stopped. */
class StepCancelledException extends RuntimeException {
    StepCancelledException() {
        super("cancelled while running");
    }
}
