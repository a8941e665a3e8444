package com.spurlab.scheduler.step.edit;

import com.spurlab.core.edit.EditPair;
import com.spurlab.core.edit.EditSetResult;
import com.spurlab.inference.edit.EditResult;
import com.spurlab.inference.edit.EditedItem;
import com.spurlab.inference.edit.EditedPair;
import com.spurlab.inference.edit.GroupConsistency;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The engine's result as SpurLab stores and serves it: ids instead of paths, null instead of NaN, a verdict in words. */
final class EditResultMapping {

    private EditResultMapping() {
    }

    static EditSetResult of(EditResult r, long editedVersionId, String cueFrom, int notEdited, List<String> notes) {
        List<EditSetResult.GroupFigures> groups = r.groups().stream().map(EditResultMapping::group).toList();
        List<String> report = new ArrayList<>(notes);
        report.addAll(r.report());
        return new EditSetResult(editedVersionId, r.cue(), r.operation().name(), r.split(), r.n(), r.correctBefore(),
                r.flipped(), orNull(r.flipRate()), orNull(r.ciLow()), orNull(r.ciHigh()), orNull(r.controlFlipRate()),
                r.confirmed(), r.datasetVersionId(), cueFrom, r.margin(), r.controlN(), r.controlFlipped(),
                orNull(r.controlCiLow()), orNull(r.controlCiHigh()), orNull(r.consistency()), groups, verdict(r),
                notEdited, report);
    }

    /**
     * The pairs by sample id, in the run's order.
     *
     * @param editedIds original sample id → its edit's sample id in the edited version
     */
    static List<EditPair> pairs(EditResult r, Map<String, String> editedIds, List<String> classNames) {
        Map<String, EditedItem> items = r.items().stream()
                .collect(Collectors.toMap(EditedItem::sourceSampleId, Function.identity()));
        List<EditPair> out = new ArrayList<>(r.pairs().size());
        for (int i = 0; i < r.pairs().size(); i++) {
            EditedPair p = r.pairs().get(i);
            EditedItem item = items.get(p.sampleId());
            String edited = editedIds.get(p.sampleId());
            if (edited == null || item == null) {
                throw new IllegalStateException("the edit of sample " + p.sampleId() + " is missing from the edited"
                        + " version");
            }
            out.add(new EditPair(i, Long.parseLong(p.sampleId()), Long.parseLong(edited), classNames.get(p.label()),
                    p.group(), classNames.get(p.predictedBefore()), classNames.get(p.predictedAfter()),
                    p.controlFile() == null ? null : classNames.get(p.predictedControl()), p.correctBefore(),
                    p.flipped(), p.controlFlipped(), item.maskSource() == null ? null : item.maskSource().name(),
                    item.donorSampleId() == null ? null : Long.parseLong(item.donorSampleId())));
        }
        return out;
    }

    /** What the figures mean, for a reader who does not read intervals. */
    static String verdict(EditResult r) {
        String edit = r.operation() + " of " + r.cue();
        if (r.correctBefore() == 0) {
            return "Not confirmed: none of the " + r.n() + " edited " + r.split() + " images was classified correctly"
                    + " before the edit, so no flip rate can be measured.";
        }
        String flips = String.format(Locale.ROOT, "%s changed the prediction for %s of the %d correctly classified %s "
                + "images (95 %% interval %s to %s)", edit, percent(r.flipRate()), r.correctBefore(), r.split(),
                percent(r.ciLow()), percent(r.ciHigh()));
        if (r.controlN() == 0) {
            return "Not confirmed: " + flips + ", but no control edit could be placed, so the flips cannot be told"
                    + " apart from the edit's own effect.";
        }
        String control = String.format(Locale.ROOT, "against %s under a control edit that changes the same pixels but "
                + "keeps the cue", percent(r.controlFlipRate()));
        if (r.confirmed()) {
            return "Confirmed: the model relies on " + r.cue() + ". " + flips + ", " + control + "; the interval starts "
                    + "more than the margin of " + percent(r.margin()) + " above the control.";
        }
        return "Not confirmed: " + flips + ", " + control + "; the interval does not start more than the margin of "
                + percent(r.margin()) + " above the control, so the flips may be the edit's rather than the cue's.";
    }

    private static EditSetResult.GroupFigures group(GroupConsistency g) {
        return new EditSetResult.GroupFigures(g.group(), g.n(), g.consistent(), orNull(g.consistency()),
                g.correctBefore(), g.flipped(), orNull(g.flipRate()), orNull(g.ciLow()), orNull(g.ciHigh()),
                g.controlN(), g.controlFlipped(), orNull(g.controlFlipRate()), orNull(g.controlCiLow()),
                orNull(g.controlCiHigh()));
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
