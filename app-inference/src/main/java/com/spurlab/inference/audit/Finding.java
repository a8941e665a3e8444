package com.spurlab.inference.audit;

/**
 * One plain-language conclusion drawn from the audit's figures.
 *
 * @param metric   {@code eat}, {@code gaps}, {@code consistency} or {@code odmap}
 * @param severity how much it should worry a reader
 * @param text     the sentence, with the figure and its interval
 */
public record Finding(String metric, Severity severity, String text) {

    /** From most to least worrying. */
    public enum Severity {
        /** The figure shows the model relies on the cue (or a group is badly served). */
        CONCERN,
        /** Worth a look: a smaller effect, an effect opposite to the training data, or too few samples to tell. */
        NOTE,
        /** The figure gives no sign of reliance on the cue. */
        OK
    }
}
