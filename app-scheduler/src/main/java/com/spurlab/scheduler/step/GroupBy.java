package com.spurlab.scheduler.step;

import com.spurlab.core.step.PlanContext;
import java.util.List;

/** The one rule for a step's groupBy at plan time: names the dataset has, or the step's default. */
final class GroupBy {

    /** Attributes a step may derive upstream (an EXTRACT cue turned into an attribute) are named {@code cue:...}. */
    static final String INFERRED_PREFIX = "cue:";

    private GroupBy() {
    }

    static List<String> resolve(List<String> asked, PlanContext plan, List<String> fallback) {
        if (asked == null) {
            return fallback;
        }
        for (String name : asked) {
            boolean inferred = plan.derivedUpstream() && name.startsWith(INFERRED_PREFIX);
            if (!inferred && !plan.attributes().contains(name)) {
                throw plan.invalid("groupBy names attribute '" + name + "' which dataset version "
                        + plan.dataset().id() + " does not have; it has " + plan.attributes());
            }
        }
        return List.copyOf(asked);
    }
}
