package com.spurlab.inference.audit;

import java.util.List;

/**
 * ODmAP@k (Kim et al. 2023) of embedding retrieval: mAP@k of the original queries against mAP@k of
 * the same queries with the cue edited out, both against the gallery of original images.
 *
 * @param k        retrieved items per query
 * @param queries  queries scored (those with an edited version and at least one relevant gallery item)
 * @param skipped  edited samples left out because no other gallery item shares their label
 * @param original mAP@k of the original queries
 * @param edited   mAP@k of the edited queries (the ODmAP@k)
 * @param drop     original - edited, with a paired bootstrap interval (queries resampled together)
 * @param groups   per group of the query, by name
 */
public record OdmapReport(int k, int queries, int skipped, Estimate original, Estimate edited, Estimate drop,
        List<GroupRetrieval> groups) {

    public OdmapReport {
        groups = List.copyOf(groups);
    }
}
