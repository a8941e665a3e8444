package com.spurlab.report;

import com.spurlab.core.kpi.KpiMetric;
import com.spurlab.core.kpi.KpiPoint;
import com.spurlab.core.kpi.KpiStatus;
import com.spurlab.core.kpi.TargetStatus;
import com.spurlab.core.results.PilotOverview;
import java.util.List;
import com.spurlab.ui.Labels;
import java.util.Locale;

/**
 * The plain words of the dashboard and the report: what each KPI means, whether a figure is good, where it stands
 * against its target, and whether the pilot worked.
 */
public final class PilotWords {

    private PilotWords() {
    }

    /** The answer to "did the pilot work?" in one sentence. */
    public static String verdict(PilotOverview overview) {
        if (overview.stage() != PilotOverview.Stage.EVALUATED) {
            return waiting(overview);
        }
        List<KpiStatus> kpis = overview.kpis();
        if (kpis.isEmpty()) {
            return "Evaluated; no KPI targets are set, so nothing says whether the pilot worked.";
        }
        long met = kpis.stream().filter(k -> k.status() == TargetStatus.MET).count();
        long uncertain = kpis.stream().filter(k -> k.status() == TargetStatus.UNCERTAIN).count();
        String running = overview.pendingJobs() > 0 ? " The pilot is still running (" + overview.pendingJobs()
                + " job(s) left)." : "";
        if (met == kpis.size()) {
            return "Did the pilot work? Yes: all " + kpis.size() + " KPIs are met." + running;
        }
        return "Did the pilot work? Not yet: " + met + " of " + kpis.size() + " KPIs met"
                + (uncertain > 0 ? ", " + uncertain + " uncertain" : "") + "." + running;
    }

    /** Before any evaluation: waiting (jobs are queued or running) or nothing planned. */
    public static String waiting(PilotOverview overview) {
        return overview.stage() == PilotOverview.Stage.WAITING_FOR_FIRST_EVALUATION
                ? "Waiting for the first evaluation: " + overview.pendingJobs() + " job(s) queued or running."
                : "No evaluation yet. A lead runs the pilot under Experiments.";
    }

    public static String name(KpiMetric metric) {
        return switch (metric) {
            case WORST_GROUP_ACCURACY -> "Worst-group accuracy";
            case ACCURACY -> "Accuracy";
            case AVERAGE_GROUP_ACCURACY -> "Average-group accuracy";
            case ACCURACY_GAP -> "Accuracy gap";
        };
    }

    public static String meaning(KpiMetric metric) {
        return switch (metric) {
            case WORST_GROUP_ACCURACY -> "Accuracy on the group of test images (a label with a cue value) the model "
                    + "gets wrong most often. Higher is better: a model that leans on the cue fails the groups where "
                    + "the cue points the wrong way.";
            case ACCURACY -> "Share of all test images classified correctly. Higher is better, but it can hide a "
                    + "group the model fails.";
            case AVERAGE_GROUP_ACCURACY -> "The mean of every group's accuracy, each group counted once. Higher is "
                    + "better.";
            case ACCURACY_GAP -> "Accuracy minus worst-group accuracy: how much worse the weakest group fares than "
                    + "the average image. Lower is better; near zero leaves no group behind.";
        };
    }

    /** The verdict on the judged figure, in a sentence. */
    public static String verdict(KpiStatus k) {
        KpiPoint judged = "best".equals(k.statusOf()) ? k.bestPoint() : k.latestPoint();
        if (judged == null) {
            return "Nothing to judge until the first evaluation finishes.";
        }
        String side = k.metric().higherIsBetter() ? "above" : "below";
        String model = "best".equals(k.statusOf()) ? "the best model (chosen on validation)" : "the latest model";
        return switch (k.status()) {
            case MET -> "Met: the whole 95 % interval of " + model + " is " + side + " the target.";
            case NOT_MET -> "Not met: even the favourable end of " + model + "'s 95 % interval misses the target.";
            case UNCERTAIN -> judged.tooSmall()
                    ? "Uncertain: the figure rests on a group of only " + judged.worstGroupN() + " test images."
                    : "Uncertain: " + model + "'s 95 % interval straddles the target; more test images would tell.";
        };
    }

    /** "+12.3 points over the baseline (better)", or null without both figures. */
    public static String change(KpiStatus k) {
        KpiPoint judged = "best".equals(k.statusOf()) ? k.bestPoint() : k.latestPoint();
        if (judged == null || k.baselinePoint() == null || judged.evaluationRunId() == k.baselinePoint().evaluationRunId()) {
            return null;
        }
        double points = 100 * (judged.value() - k.baselinePoint().value());
        boolean better = k.metric().higherIsBetter() ? points > 0 : points < 0;
        return String.format(Locale.ROOT, "%+.1f points against the baseline (%s)", points,
                Math.abs(points) < 0.05 ? "no change" : better ? "better" : "worse");
    }

    public static String withInterval(KpiPoint p) {
        return p == null ? "—" : Labels.percentWithInterval(p.value(), p.ciLow(), p.ciHigh());
    }

    public static String target(KpiStatus k) {
        return Labels.comparator(k.comparator()) + " " + Labels.percent(k.target());
    }
}
