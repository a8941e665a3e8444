package com.spurlab.inference.audit;

/**
 * Where an audit's time went, in milliseconds.
 *
 * @param embedding   scoring the split's images (predictions and embeddings)
 * @param concepts    editing and scoring the concept images
 * @param association the association tests (effect size, bootstrap, permutations)
 * @param gaps        group rates and their bootstrap
 * @param edits       scoring the EDIT run's images
 * @param retrieval   ODmAP@k
 */
public record AuditTimings(long embedding, long concepts, long association, long gaps, long edits, long retrieval) {

    public long total() {
        return embedding + concepts + association + gaps + edits + retrieval;
    }
}
