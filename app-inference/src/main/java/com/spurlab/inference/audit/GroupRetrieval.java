package com.spurlab.inference.audit;

/**
 * mAP@k of one group's queries.
 *
 * @param queries  queries of the group that have relevant items
 * @param original mAP@k of the original queries
 * @param edited   mAP@k of the same queries with the cue edited out
 * @param tooSmall fewer than {@value Proportion#TOO_SMALL} queries
 */
public record GroupRetrieval(String group, int queries, double original, double edited, boolean tooSmall) {
}
