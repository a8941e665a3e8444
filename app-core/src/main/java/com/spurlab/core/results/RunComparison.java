package com.spurlab.core.results;

import java.util.List;
import java.util.Map;

/**
 * Two to five evaluated runs side by side: their test groups with intervals (in one group order), the
 * parameters that differ and those they share, and their learning curves.
 *
 * @param groups     every test group any of the runs has, sorted
 * @param groupsByRun evaluation run id → its estimate per group of {@code groups} (null where it lacks one)
 * @param curves     evaluation run id → its training's epochs (main phase)
 */
public record RunComparison(List<EvaluatedRun> runs, List<String> groups, Map<Long, List<GroupEstimate>> groupsByRun,
                            List<ParameterRow> parameters, Map<Long, List<EpochPoint>> curves) {

    /** One training parameter across the compared runs, in their order. */
    public record ParameterRow(String name, List<String> values, boolean differs) {
    }
}
