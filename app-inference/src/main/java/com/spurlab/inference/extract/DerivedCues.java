package com.spurlab.inference.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Rows for the cues found in the model rather than named in the data: error slices and the mask. */
final class DerivedCues {

    private static final int DESCRIBERS = 3;

    private DerivedCues() {
    }

    /**
     * Describes each slice by the named cues over-represented among its members (Newcombe lower bound of
     * share inside minus share outside above 0), and makes its row: members against the rest of the split.
     * A slice that a named cue explains adds no cue of its own, so its score is capped at the best score of
     * its describers; a slice nothing explains keeps the lower bound of its error-rate difference.
     */
    static List<ErrorSlice> describe(ErrorSlices.Found found, List<CueCandidate> named) {
        List<ErrorSlice> described = new ArrayList<>();
        for (ErrorSlice slice : found.slices()) {
            int[] members = IntStream.range(0, found.membership().length).filter(i -> found.membership()[i] == slice.id()).toArray();
            int outside = found.membership().length - members.length;
            List<Map.Entry<String, Double>> over = new ArrayList<>();
            for (CueCandidate c : named) {
                int in = (int) IntStream.of(members).filter(c.split()::get).count();
                int out = c.split().cardinality() - in;
                Proportion.Interval d = new Proportion(in, members.length).minus(new Proportion(out, outside));
                if (members.length > 0 && outside > 0 && d.low() > 0) {
                    over.add(Map.entry(c.name(), d.estimate()));
                }
            }
            over.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            described.add(new ErrorSlice(slice.id(), slice.label(), slice.members(), slice.errors(),
                    over.stream().limit(DESCRIBERS).map(Map.Entry::getKey).toList(), slice.centroid(), slice.radius()));
        }
        return described;
    }

    static List<Cue> sliceRows(List<ErrorSlice> slices, int[] membership, Outcomes outcomes, List<Cue> namedRows,
            CueScoring scoring) {
        List<Cue> rows = new ArrayList<>();
        int totalErrors = outcomes.errorCount();
        for (ErrorSlice slice : slices) {
            if (slice.members() < CueScoring.MIN_SUPPORT || slice.members() == outcomes.size()) {
                continue;
            }
            Proportion in = new Proportion(slice.errors(), slice.members());
            Proportion out = new Proportion(totalErrors - slice.errors(), outcomes.size() - slice.members());
            Proportion.Interval lift = in.over(out);
            double score = Math.max(0, in.minus(out).low());
            if (!slice.describedBy().isEmpty()) {
                double explained = namedRows.stream().filter(r -> slice.describedBy().contains(r.cue()))
                        .mapToDouble(Cue::score).max().orElse(0);
                score = Math.min(score, explained);
            }
            int id = slice.id();
            rows.add(new Cue(0, Cues.SLICE + id, CueKind.SLICE, slice.label(), slice.members(), slice.errors(), in.rate(),
                    in.low(), in.high(), lift.estimate(), lift.low(), lift.high(), null, 0, score,
                    scoring.evidence(i -> membership[i] == id), slice.describedBy()));
        }
        return rows;
    }

    /** Per class, where the gradients fall; classes without measured samples are left out. */
    static List<SaliencyByLabel> saliency(SaliencyMeter.Measured measured, Outcomes outcomes, List<String> classNames) {
        List<SaliencyByLabel> rows = new ArrayList<>();
        for (int y = 0; y < outcomes.classes(); y++) {
            int label = y;
            int[] idx = IntStream.range(0, outcomes.size())
                    .filter(i -> outcomes.labels()[i] == label && !Double.isNaN(measured.gradientOutside()[i])).toArray();
            if (idx.length == 0) {
                continue;
            }
            double[] excess = IntStream.of(idx).mapToDouble(i -> measured.gradientOutside()[i] - measured.areaOutside()[i]).toArray();
            double mean = mean(excess);
            double half = idx.length < 2 ? Double.POSITIVE_INFINITY : Proportion.Z * sd(excess, mean) / Math.sqrt(idx.length);
            rows.add(new SaliencyByLabel(classNames.get(y), idx.length,
                    mean(IntStream.of(idx).mapToDouble(i -> measured.gradientOutside()[i]).toArray()),
                    mean(IntStream.of(idx).mapToDouble(i -> measured.areaOutside()[i]).toArray()),
                    Math.max(-1, mean - half), Math.min(1, mean + half)));
        }
        return rows;
    }

    /**
     * The {@code mask} row: the class whose gradients fall furthest outside its masks beyond what the area
     * explains. Score = lower 95 % bound of the mean excess share (gradient share minus area share), so
     * uniform attention scores 0. Lift = gradient share / area share, its interval from the gradient share's.
     */
    static List<Cue> maskRow(List<SaliencyByLabel> byLabel, SaliencyMeter.Measured measured, Outcomes outcomes,
            List<String> classNames, CueScoring scoring) {
        SaliencyByLabel worst = byLabel.stream().filter(s -> s.n() >= CueScoring.MIN_SUPPORT)
                .max(Comparator.comparingDouble(SaliencyByLabel::excessLow)).orElse(null);
        if (worst == null || worst.gradientOutside() <= worst.areaOutside() || worst.areaOutside() == 0) {
            return List.of();
        }
        int y = classNames.indexOf(worst.label());
        int[] idx = IntStream.range(0, outcomes.size())
                .filter(i -> outcomes.labels()[i] == y && !Double.isNaN(measured.gradientOutside()[i])).toArray();
        int errors = (int) IntStream.of(idx).filter(i -> outcomes.errors()[i]).count();
        double[] share = IntStream.of(idx).mapToDouble(i -> measured.gradientOutside()[i]).toArray();
        double half = Proportion.Z * sd(share, mean(share)) / Math.sqrt(idx.length);
        Proportion rate = new Proportion(errors, idx.length);
        double area = worst.areaOutside();
        return List.of(new Cue(0, Cues.MASK, CueKind.SALIENCY, worst.label(), idx.length, errors, rate.rate(), rate.low(),
                rate.high(), worst.gradientOutside() / area, Math.max(0, worst.gradientOutside() - half) / area,
                (worst.gradientOutside() + half) / area, null, 0, Math.max(0, worst.excessLow()),
                scoring.evidence(i -> outcomes.labels()[i] == y && !Double.isNaN(measured.gradientOutside()[i])),
                List.of()));
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return v.length == 0 ? 0 : sum / v.length;
    }

    private static double sd(double[] v, double mean) {
        if (v.length < 2) {
            return 0;
        }
        double sum = 0;
        for (double x : v) {
            sum += (x - mean) * (x - mean);
        }
        return Math.sqrt(sum / (v.length - 1));
    }
}
