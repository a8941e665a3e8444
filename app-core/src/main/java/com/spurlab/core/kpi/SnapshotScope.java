package com.spurlab.core.kpi;

/**
 * What makes two KPI snapshots comparable: the same dataset lineage (the root version a derived version
 * descends from), the same group definition and the same split.
 */
public record SnapshotScope(long lineageRootId, String groupBy, String split) {
}
