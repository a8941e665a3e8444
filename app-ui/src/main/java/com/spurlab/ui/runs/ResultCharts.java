package com.spurlab.ui.runs;

import com.spurlab.core.results.EpochPoint;
import com.spurlab.core.results.GroupEstimate;
import com.spurlab.ui.Labels;
import com.spurlab.ui.chart.BarChart;
import com.spurlab.ui.chart.Estimate;
import com.spurlab.ui.chart.LineChart;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/** The charts of result views, built from the results services' records. */
final class ResultCharts {

    private ResultCharts() {
    }

    /**
     * Per-group accuracy with 95 % Wilson intervals, one series per run (in the map's order), each series' worst
     * group marked.
     */
    static BarChart groupBars(List<String> groups, Map<String, List<GroupEstimate>> series) {
        BarChart chart = BarChart.of(groups.stream().map(Labels::group).toList());
        series.forEach((name, estimates) -> {
            chart.series(name, estimates.stream().map(ResultCharts::estimate).toList());
            estimates.stream().filter(Objects::nonNull).min(java.util.Comparator.comparingDouble(GroupEstimate::accuracy))
                    .ifPresent(worst -> chart.highlight(Labels.group(worst.group()), "worst group of " + name));
        });
        return chart;
    }

    private static Estimate estimate(GroupEstimate g) {
        if (g == null) {
            return Estimate.of(null);
        }
        Estimate e = Estimate.of(g.accuracy(), g.low(), g.high(), g.n());
        return g.tooSmall() ? e.withNote("fewer than 20 images: too small to trust") : e;
    }

    /** One run's learning curves: train and val accuracy, val worst-group accuracy, train loss (second axis). */
    static LineChart curves(List<EpochPoint> history) {
        List<EpochPoint> main = history.stream().filter(p -> p.phase().equals("main")).toList();
        LineChart chart = LineChart.over("epoch", main.stream().map(p -> String.valueOf(p.epoch())).toList())
                .yName("accuracy")
                .series("train accuracy", main.stream().map(EpochPoint::trainAccuracy).toList());
        if (main.stream().anyMatch(p -> p.validationAccuracy() != null)) {
            chart.series("val accuracy", main.stream().map(EpochPoint::validationAccuracy).toList())
                    .series("val worst-group accuracy", main.stream().map(EpochPoint::validationWorstGroupAccuracy)
                            .toList());
        }
        return chart.secondSeries("loss", "train loss", main.stream().map(EpochPoint::trainLoss).toList());
    }

    /** One figure per epoch for several runs (epochs 1..max; a run that stopped earlier has gaps). */
    static LineChart compareCurves(Map<String, List<EpochPoint>> runs, Function<EpochPoint, Double> figure,
                                   String what) {
        TreeSet<Integer> epochs = new TreeSet<>();
        runs.values().forEach(points -> points.forEach(p -> epochs.add(p.epoch())));
        LineChart chart = LineChart.over("epoch", epochs.stream().map(String::valueOf).toList()).yName(what);
        runs.forEach((name, points) -> chart.series(name, epochs.stream().map(e -> points.stream()
                .filter(p -> p.epoch() == e).findFirst().map(figure).orElse(null)).toList()));
        return chart;
    }
}
