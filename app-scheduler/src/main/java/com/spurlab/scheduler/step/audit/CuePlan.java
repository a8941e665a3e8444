package com.spurlab.scheduler.step.audit;

import com.spurlab.core.dataset.Composition;
import com.spurlab.core.step.PlanContext;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The audited cue at plan time: its default, and a refusal that names what the version lacks. */
final class CuePlan {

    /** Attributes an upstream step derives (EXTRACT's inferred cue) are named {@code cue:...}; unknown at plan time. */
    private static final String INFERRED_PREFIX = "cue:";

    private CuePlan() {
    }

    /** The cue to audit: the one asked for, checked against the dataset version, or the default. */
    static String resolve(String asked, PlanContext plan) {
        String cue = asked != null ? asked : defaultCue(plan);
        if (cue.startsWith(CueValues.KEYWORD) || cue.startsWith(CueValues.TEXT)) {
            return cue;
        }
        if (!AttributeCue.names(cue)) {
            throw plan.invalid("cue '" + cue + "' cannot be audited: AUDIT needs each sample's value of the cue, so name"
                    + " an attribute (attribute:<name> or attribute:<name>=<value>), a caption keyword (keyword:<word>)"
                    + " or a printed word (text:<word>); slice: cues need the EXTRACT run that found the slice, and mask"
                    + " names a region, not a value per sample");
        }
        AttributeCue parsed = AttributeCue.parse(cue);
        if (plan.derivedUpstream() && parsed.attribute().startsWith(INFERRED_PREFIX)) {
            return parsed.name();
        }
        if (!plan.attributes().contains(parsed.attribute())) {
            throw plan.invalid("cue names attribute '" + parsed.attribute() + "' which dataset version "
                    + plan.dataset().id() + " does not have; it has " + plan.attributes());
        }
        List<String> values = plan.dataset().composition().attributes().get(parsed.attribute());
        if (parsed.value() != null && !values.contains(parsed.value())) {
            throw plan.invalid("cue names value '" + parsed.value() + "' of attribute '" + parsed.attribute()
                    + "', which dataset version " + plan.dataset().id() + " does not have; it has " + values);
        }
        return parsed.name();
    }

    /** The attribute the composition flags most strongly; else, on a cue-balanced version, the most associated one. */
    private static String defaultCue(PlanContext plan) {
        Composition c = plan.dataset().composition();
        return plan.strongestSuspectedCue()
                .or(() -> c == null ? Optional.empty() : c.byAttribute().entrySet().stream()
                        .max(Comparator.comparingDouble(e -> e.getValue().cramersV())).map(Map.Entry::getKey))
                .map(a -> AttributeCue.of(a).name())
                .orElseThrow(() -> plan.invalid("dataset version " + plan.dataset().id() + " has no attribute to "
                        + "audit; name the cue (attribute:<name>, keyword:<word> or text:<word>)"));
    }
}
