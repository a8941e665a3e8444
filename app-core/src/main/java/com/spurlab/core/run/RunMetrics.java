package com.spurlab.core.run;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An evaluation run with the metrics of each split it evaluated. */
public record RunMetrics(long runId, long experimentId, String method, Instant createdAt,
                         List<SplitEvaluation> splits) {

    public Optional<SplitEvaluation> split(String name) {
        return splits.stream().filter(s -> s.split().equals(name)).findFirst();
    }
}
