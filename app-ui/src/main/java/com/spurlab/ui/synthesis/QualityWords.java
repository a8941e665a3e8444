package com.spurlab.ui.synthesis;

import com.spurlab.core.synthesis.SynthesisReport;
import com.spurlab.ui.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A synthesis's figures in sentences a reader without the definitions understands. */
final class QualityWords {

    private QualityWords() {
    }

    /** How the cue's hold on the label changed. */
    static String association(SynthesisReport r) {
        SynthesisReport.Association a = r.association();
        String before = a.before() >= 0.3 ? "strongly tied to the label" : a.before() >= 0.1 ? "somewhat tied to the label"
                : "hardly tied to the label";
        String after = a.after() < 0.05 ? "it says almost nothing about the label any more"
                : a.after() < a.before() ? "its tie to the label is weaker" : "its tie to the label is unchanged";
        return String.format(Locale.ROOT, "Before, %s was %s in the training images (Cramér's V %.2f). With %,d new "
                + "images %s (V %.2f).", r.cue(), before, a.before(), r.added(), after, a.after());
    }

    /** One sentence per quality figure; empty when no model judged the images. */
    static List<String> quality(SynthesisReport r) {
        List<String> out = new ArrayList<>();
        SynthesisReport.Quality q = r.quality();
        if (q == null) {
            out.add("No model judged the new images (qualityModel NONE), so only their near-copies were counted.");
        } else {
            String model = (q.modelTrainedHere() ? "A " + q.modelMethod() + " model trained for this check"
                    : "The " + q.modelMethod() + " model of run " + q.modelRunId()) + ", which does not rely on the cue,";
            if (q.labelConsistency() != null) {
                out.add(model + " recognises " + Labels.percent(q.labelConsistency())
                        + " of the new images as the label they were made for (label consistency).");
            }
            if (q.frechetDistance() != null) {
                boolean closer = q.frechetOtherValue() != null && q.frechetDistance() < q.frechetOtherValue();
                out.add(String.format(Locale.ROOT, "Seen through that model, the new images lie at a Fréchet distance of"
                        + " %.2f from the real images of their group%s (lower is closer).", q.frechetDistance(),
                        q.frechetOtherValue() == null ? "" : String.format(Locale.ROOT, "; the real images of the same"
                        + " label with the other value lie at %.2f, so the new ones are %s", q.frechetOtherValue(),
                        closer ? "closer to the group they fill" : "not yet closer to the group they fill")));
            }
            if (q.diversity() != null) {
                out.add(String.format(Locale.ROOT, "Their variety: a mean distance of %.2f between two new images%s.",
                        q.diversity(), q.realDiversity() == null ? "" : String.format(Locale.ROOT,
                        " against %.2f between two real images of the group", q.realDiversity())));
            }
        }
        if (r.nearDuplicates() != null) {
            out.add(Labels.percent(r.nearDuplicates()) + " of the new images are near-copies of another training image"
                    + " of their label (same picture, only re-encoded, resized or shifted a little).");
        }
        return out;
    }
}
