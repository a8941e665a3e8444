package com.spurlab.inference.audit;

/**
 * How an audit is computed.
 *
 * @param k           retrieved items per query for ODmAP@k, at least 1
 * @param association the association tests' permutations and bootstrap
 * @param resamples   bootstrap resamples of the gaps and of mAP@k, at least 200
 * @param seed        seeds concept-set sampling and every bootstrap
 */
public record AuditSettings(int k, AssociationSettings association, int resamples, long seed) {

    public AuditSettings {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (association == null) {
            throw new IllegalArgumentException("association settings are missing: use AssociationSettings.defaults(seed)");
        }
        if (resamples < 200) {
            throw new IllegalArgumentException("resamples must be at least 200, got " + resamples);
        }
    }

    /** ODmAP@10; exact permutation tests up to 100 000 partitions, else 10 000; 1 000 bootstrap resamples. */
    public static AuditSettings defaults(long seed) {
        return new AuditSettings(10, AssociationSettings.defaults(seed), 1_000, seed);
    }
}
