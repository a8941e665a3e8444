package com.spurlab.inference.audit;

import com.spurlab.inference.audit.Finding.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Plain-language findings from an audit's figures. The thresholds follow the KPI examples of DESIGN.md and the
 * usual conventions: an association test is significant at p &lt; 0.01 and its effect large from |d| = 0.8,
 * medium from 0.5, negligible under 0.2 (Cohen, as Caliskan et al. read d); a gap worries from 0.10 and is noted
 * from 0.05 (KPI: gap ≤ 0.05); counterfactual consistency worries under 0.9 (KPI: ≥ 0.9); an ODmAP@k drop worries
 * from 0.05 when its interval excludes 0.
 */
final class AuditFindings {

    static final double ALPHA = 0.01;
    static final double LARGE = 0.8;
    static final double MEDIUM = 0.5;
    static final double NEGLIGIBLE = 0.2;
    static final double GAP_CONCERN = 0.10;
    static final double GAP_NOTE = 0.05;
    static final double CONSISTENCY = 0.9;
    static final double DROP = 0.05;

    private AuditFindings() {
    }

    /**
     * @param trained     per association test: were its attribute sets oriented by the training split?
     * @param consistency {@code null} without an EDIT run, as is {@code odmap}
     */
    static List<Finding> of(String cueName, List<AssociationResult> eat, List<Boolean> trained, GapReport gaps,
            ConsistencyReport consistency, OdmapReport odmap, String editOperation) {
        CueWords cue = CueWords.of(cueName);
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < eat.size(); i++) {
            out.add(association(eat.get(i), cue, trained.get(i)));
        }
        gaps(gaps, cue, out);
        if (consistency != null) {
            out.add(consistency(consistency, cue, CueWords.edited(editOperation)));
        }
        if (odmap != null && odmap.queries() > 0) {
            out.add(retrieval(odmap, cue, CueWords.edited(editOperation)));
        }
        out.sort(Comparator.comparing(Finding::severity));
        return out;
    }

    static Finding association(AssociationResult r, CueWords cue, boolean orientedByTraining) {
        String[] t = r.target().split(" vs ", 2);
        String[] a = r.attribute().split(" vs ", 2);
        String figure = String.format(Locale.ROOT, "d = %.2f, 95 %% CI %.2f to %.2f, %s; cosine difference %.3f", r.effectSize(),
                r.effectSizeCiLow(), r.effectSizeCiHigh(), p(r.pValue()), r.difference());
        String caveat = r.approximate() ? " Some concept sets are approximations (whole images), so the figure mixes object and cue."
                : "";
        String pairing = orientedByTraining ? ", the pairing the training data shows" : "";
        double d = r.effectSize();
        boolean significant = r.pValue() < ALPHA && d >= NEGLIGIBLE;
        if (r.design() == ConceptDesign.CUE_CONTRAST) {
            // Targets are the cue's values, attributes the labels.
            String tie = "Images with " + cue.context(t[0]) + " lie nearer " + a[0] + " and images with " + cue.context(t[1])
                    + " nearer " + a[1] + " in the model's embeddings" + pairing + " (" + figure + ")";
            if (significant) {
                String size = d >= LARGE ? "a large" : d >= MEDIUM ? "a medium" : "a small";
                return new Finding("eat", d >= MEDIUM ? Severity.CONCERN : Severity.NOTE, tie + ": " + size
                        + " association; the model's picture of each label moves with " + cue.noun() + "." + caveat);
            }
            return new Finding("eat", Severity.OK, "The model's embeddings of " + a[0] + " and " + a[1] + " do not move with "
                    + cue.noun() + " (" + figure + ")." + caveat);
        }
        String isolated = "Object-only " + t[0] + " and " + t[1] + " images lie nearer " + cue.noun() + "-only images of "
                + a[0] + " and " + a[1] + " respectively" + pairing + " (" + figure + ")";
        String intrinsic = " This measures the embedding space's geometry on edited images unlike the training data;"
                + " models trained without the cue show it too, so read it beside the cue-contrast test.";
        if (significant && d >= MEDIUM) {
            return new Finding("eat", Severity.NOTE, isolated + "." + intrinsic + caveat);
        }
        if (d <= -MEDIUM) {
            return new Finding("eat", Severity.NOTE, "Object-only " + t[0] + " and " + t[1] + " images lie nearer the opposite"
                    + " cue-only images (" + figure + "): not the pairing a reliance on " + cue.noun() + " would learn."
                    + intrinsic + caveat);
        }
        return new Finding("eat", Severity.OK, "Object-only and " + cue.noun() + "-only images show no association in the"
                + " embeddings (" + figure + ")." + caveat);
    }

    private static void gaps(GapReport g, CueWords cue, List<Finding> out) {
        Gap acc = g.accuracy();
        String small = acc.tooSmall() ? " The worst group has fewer than " + Proportion.TOO_SMALL + " samples: too few to trust." : "";
        out.add(new Finding("gaps", severity(acc.value()), String.format(Locale.ROOT,
                "Worst-group accuracy is %.2f on %s against %.2f overall: a gap of %.2f (95 %% CI %.2f to %.2f).%s",
                g.worstGroupAccuracy(), acc.lower(), g.overall().value(), acc.value(), acc.ciLow(), acc.ciHigh(), small)));
        for (Gap gap : List.of(g.tpr(), g.fpr())) {
            if (Double.isNaN(gap.value())) {
                continue;
            }
            ClassRates high = rates(g, gap.label(), gap.higher());
            ClassRates low = rates(g, gap.label(), gap.lower());
            boolean tpr = gap.metric().equals("tpr");
            String text = tpr
                    ? String.format(Locale.ROOT, "%s is recognised in %.0f %% of its samples with %s but %.0f %% with %s"
                            + " (TPR gap %.2f, 95 %% CI %.2f to %.2f).", gap.label(), 100 * high.tpr().value(),
                            cue.context(gap.higher()), 100 * low.tpr().value(), cue.context(gap.lower()), gap.value(), gap.ciLow(),
                            gap.ciHigh())
                    : String.format(Locale.ROOT, "%s is predicted for %.0f %% of the other classes' samples with %s against"
                            + " %.0f %% with %s (FPR gap %.2f, 95 %% CI %.2f to %.2f).", gap.label(), 100 * high.fpr().value(),
                            cue.context(gap.higher()), 100 * low.fpr().value(), cue.context(gap.lower()), gap.value(),
                            gap.ciLow(), gap.ciHigh());
            out.add(new Finding("gaps", severity(gap.value()), text + (gap.tooSmall()
                    ? " One side has fewer than " + Proportion.TOO_SMALL + " samples: too few to trust." : "")));
        }
    }

    private static ClassRates rates(GapReport g, String label, String context) {
        return g.rates().stream().filter(r -> r.label().equals(label) && r.context().equals(context)).findFirst().orElseThrow();
    }

    private static Severity severity(double gap) {
        return gap >= GAP_CONCERN ? Severity.CONCERN : gap >= GAP_NOTE ? Severity.NOTE : Severity.OK;
    }

    static Finding consistency(ConsistencyReport c, CueWords cue, String edited) {
        Proportion p = c.overall();
        String control = c.control() == null ? "" : String.format(Locale.ROOT, "; control edit: %.0f %%", 100 * (1 - c.control().value()));
        String figure = String.format(Locale.ROOT, "%.0f %% flip when it is %s (95 %% CI %.0f to %.0f %%%s)", 100 * (1 - p.value()),
                edited, 100 * (1 - p.ciHigh()), 100 * (1 - p.ciLow()), control);
        GroupConsistency lowest = c.groups().stream().filter(g -> g.group().equals(c.lowestGroup())).findFirst().orElseThrow();
        String worst = String.format(Locale.ROOT, " Most affected: %s, %.0f %% unchanged%s.", lowest.group(),
                100 * lowest.consistency().value(), lowest.consistency().tooSmall() ? " (too few samples to trust)" : "");
        if (p.value() >= CONSISTENCY) {
            return new Finding("consistency", Severity.OK, "Predictions survive the edit: only " + figure + "." + worst);
        }
        // A cue edit that flips no more than the control edit shows the edit's damage, not the cue's role.
        boolean beyondControl = c.control() == null || p.ciHigh() < c.control().ciLow();
        return new Finding("consistency", beyondControl ? Severity.CONCERN : Severity.NOTE, (beyondControl
                ? "Predictions depend on " + cue.noun() + ": " : "Predictions change under the edit, but as much under the control edit: ")
                + figure + "." + worst);
    }

    static Finding retrieval(OdmapReport o, CueWords cue, String edited) {
        String figure = String.format(Locale.ROOT, "mAP@%d %s from %.2f to %.2f when %s is %s (drop %.2f, 95 %% CI %.2f to %.2f)",
                o.k(), o.drop().value() >= 0 ? "falls" : "rises", o.original().value(), o.edited().value(), cue.noun(), edited,
                o.drop().value(), o.drop().ciLow(), o.drop().ciHigh());
        if (o.drop().value() >= DROP && o.drop().ciLow() > 0) {
            return new Finding("odmap", Severity.CONCERN, "Retrieval by embedding leans on " + cue.noun() + ": " + figure + ".");
        }
        return new Finding("odmap", Severity.OK, "Retrieval by embedding holds when " + cue.noun() + " is " + edited + ": "
                + figure + ".");
    }

    private static String p(double p) {
        return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
    }
}
