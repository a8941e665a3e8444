package com.spurlab.scheduler.step.extract;

import com.spurlab.core.dataset.DatasetService.SplitContents;
import com.spurlab.core.step.PlanContext;
import com.spurlab.inference.extract.CueSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * EXTRACT's plan-time checks: the split exists, every asked source has what it reads (masks for SALIENCY, captions for
 * KEYWORDS, attributes for ATTRIBUTES), the cue to derive names what the version has; left-out sources become those
 * the data supports. When a step upstream derives the version, it does not exist yet: only the source version's
 * facts are known, so those checks wait for the run.
 */
final class ExtractPlan {

    private ExtractPlan() {
    }

    static ExtractParams prepare(ExtractParams p, PlanContext plan, SplitContents contents) {
        String split = p.split().key();
        boolean later = plan.derivedUpstream();
        if (!later && contents.samples() == 0) {
            throw plan.invalid("dataset version " + plan.dataset().id() + " has no " + split + " samples to examine;"
                    + " choose a split it has (" + String.join(", ", splits(plan)) + ")");
        }
        List<CueSource> sources = p.sources() == null ? supported(split, plan, contents) : p.sources();
        if (!later) {
            for (CueSource source : sources) {
                String lacks = lacks(source, split, plan, contents);
                if (lacks != null) {
                    throw plan.invalid("source " + source + " " + lacks + "; leave it out of sources");
                }
            }
        }
        if (p.deriveAttribute() != null) {
            checkDerivable(p.deriveAttribute(), split, sources, plan, contents, later);
        }
        return p.withSources(sources);
    }

    /** Every source whose input the split holds; TEXT and SLICES read pixels and errors, which every split has. */
    private static List<CueSource> supported(String split, PlanContext plan, SplitContents contents) {
        List<CueSource> sources = new ArrayList<>();
        for (CueSource source : CueSource.values()) {
            if (plan.derivedUpstream() ? source != CueSource.SALIENCY || contents.masked() > 0
                    : lacks(source, split, plan, contents) == null) {
                sources.add(source);
            }
        }
        return sources;
    }

    /** Why the split cannot feed a source, or null when it can. */
    private static String lacks(CueSource source, String split, PlanContext plan, SplitContents contents) {
        String where = "the " + split + " split of dataset version " + plan.dataset().id();
        return switch (source) {
            case ATTRIBUTES -> plan.attributes().isEmpty() ? "ranks attribute values, and dataset version "
                    + plan.dataset().id() + " has no attributes" : null;
            case KEYWORDS -> contents.captioned() == 0 ? "ranks caption words, and no sample of " + where
                    + " has a caption" : null;
            case SALIENCY -> contents.masked() == 0 ? "compares input gradients with foreground masks, and no sample"
                    + " of " + where + " has a mask" : null;
            case TEXT, SLICES -> null;
        };
    }

    private static void checkDerivable(String cue, String split, List<CueSource> sources, PlanContext plan,
            SplitContents contents, boolean later) {
        if (cue.startsWith("slice:") && !sources.contains(CueSource.SLICES)) {
            throw plan.invalid("deriveAttribute " + cue + " names an error slice, and sources leave SLICES out");
        }
        if (later) {
            return;
        }
        if (cue.startsWith("attribute:")) {
            String spec = cue.substring("attribute:".length());
            String name = spec.substring(0, spec.indexOf('='));
            String value = spec.substring(spec.indexOf('=') + 1);
            if (!plan.attributes().contains(name)) {
                throw plan.invalid("deriveAttribute names attribute '" + name + "' which dataset version "
                        + plan.dataset().id() + " does not have; it has " + plan.attributes());
            }
            List<String> values = plan.dataset().composition().attributes().get(name);
            if (!values.contains(value)) {
                throw plan.invalid("deriveAttribute names value '" + value + "' of attribute '" + name + "', which "
                        + "dataset version " + plan.dataset().id() + " does not have; it has " + values);
            }
        }
        if (cue.startsWith("keyword:") && contents.captioned() == 0) {
            throw plan.invalid("deriveAttribute " + cue + " is a caption word, and no sample of the " + split
                    + " split of dataset version " + plan.dataset().id() + " has a caption");
        }
    }

    private static List<String> splits(PlanContext plan) {
        return plan.dataset().composition() == null ? List.of()
                : plan.dataset().composition().splits().entrySet().stream().filter(e -> e.getValue() > 0)
                        .map(Map.Entry::getKey).sorted().toList();
    }
}
