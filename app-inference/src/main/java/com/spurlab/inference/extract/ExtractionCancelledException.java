package com.spurlab.inference.extract;

/** EXTRACT stopped because its progress listener asked it to; nothing is half-written. */
public final class ExtractionCancelledException extends RuntimeException {

    public ExtractionCancelledException(String phase) {
        super("extraction cancelled while " + phase);
    }
}
