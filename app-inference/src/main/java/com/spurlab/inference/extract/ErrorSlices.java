package com.spurlab.inference.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.MultiKMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * Slice discovery: the split's errors, as L2-normalised embeddings, clustered by k-means++ (Apache
 * Commons Math, best of several seeded starts). k runs from 2 to {@link #MAX_SLICES} (and at most one
 * slice per {@link #ERRORS_PER_SLICE} errors) and the k with the highest mean silhouette wins; with too
 * few errors for two slices, all errors form one. Every sample of the split, error or not, then
 * belongs to its nearest centre's slice when within that slice's radius (the median distance of the
 * slice's errors to its centre).
 */
final class ErrorSlices {

    static final int MAX_SLICES = 6;
    static final int ERRORS_PER_SLICE = 10;
    private static final int TRIALS = 4;
    private static final int MAX_ITERATIONS = 100;
    /**
     * A slice is the core of its errors: samples within the median distance of its errors to the centre. A
     * wider radius (the 90th percentile was tried) lets a broad cluster cover most of the split on 96 px sets,
     * and its error rate then says nothing the base rate does not.
     */
    private static final double RADIUS_QUANTILE = 0.5;

    /** The slices (labels only, not yet described) and each sample's slice, -1 for none. */
    record Found(List<ErrorSlice> slices, int[] membership) {
    }

    private ErrorSlices() {
    }

    static Found find(float[][] embeddings, Outcomes outcomes, List<String> classNames, long seed) {
        int[] errorIndex = IntStream.range(0, outcomes.size()).filter(i -> outcomes.errors()[i]).toArray();
        int[] none = new int[outcomes.size()];
        Arrays.fill(none, -1);
        if (errorIndex.length < CueScoring.MIN_SUPPORT) {
            return new Found(List.of(), none);
        }
        float[][] unit = new float[outcomes.size()][];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = ErrorSlice.unit(embeddings[i]);
        }
        List<DoublePoint> points = new ArrayList<>(errorIndex.length);
        for (int i : errorIndex) {
            points.add(new DoublePoint(toDouble(unit[i])));
        }
        List<CentroidCluster<DoublePoint>> best = cluster(points, 1, seed);
        int maxK = Math.min(MAX_SLICES, errorIndex.length / ERRORS_PER_SLICE);
        double bestSilhouette = Double.NEGATIVE_INFINITY;
        for (int k = 2; k <= maxK; k++) {
            List<CentroidCluster<DoublePoint>> clusters = cluster(points, k, seed);
            double s = silhouette(clusters);
            if (s > bestSilhouette) {
                bestSilhouette = s;
                best = clusters;
            }
        }
        List<float[]> centres = new ArrayList<>();
        List<Double> radii = new ArrayList<>();
        List<int[]> labelCounts = new ArrayList<>();
        for (CentroidCluster<DoublePoint> cluster : best) {
            float[] centre = toFloat(cluster.getCenter().getPoint());
            double[] distances = new double[cluster.getPoints().size()];
            for (int p = 0; p < distances.length; p++) {
                distances[p] = ErrorSlice.distance(centre, toFloat(cluster.getPoints().get(p).getPoint()));
            }
            Arrays.sort(distances);
            centres.add(centre);
            radii.add(distances.length == 0 ? 0 : distances[(int) Math.ceil(RADIUS_QUANTILE * distances.length) - 1]);
            labelCounts.add(new int[outcomes.classes()]);
        }
        int[] membership = new int[outcomes.size()];
        int[] members = new int[centres.size()];
        int[] errors = new int[centres.size()];
        for (int i = 0; i < outcomes.size(); i++) {
            int nearest = 0;
            double distance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centres.size(); c++) {
                double d = ErrorSlice.distance(centres.get(c), unit[i]);
                if (d < distance) {
                    distance = d;
                    nearest = c;
                }
            }
            membership[i] = distance <= radii.get(nearest) ? nearest : -1;
            if (membership[i] >= 0) {
                members[nearest]++;
                if (outcomes.errors()[i]) {
                    errors[nearest]++;
                    labelCounts.get(nearest)[outcomes.labels()[i]]++;
                }
            }
        }
        List<ErrorSlice> slices = new ArrayList<>();
        for (int c = 0; c < centres.size(); c++) {
            int[] counts = labelCounts.get(c);
            int label = 0;
            for (int y = 1; y < counts.length; y++) {
                label = counts[y] > counts[label] ? y : label;
            }
            slices.add(new ErrorSlice(c, classNames.get(label), members[c], errors[c], List.of(), centres.get(c), radii.get(c)));
        }
        return new Found(slices, membership);
    }

    private static List<CentroidCluster<DoublePoint>> cluster(List<DoublePoint> points, int k, long seed) {
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(seed);
        KMeansPlusPlusClusterer<DoublePoint> kMeans = new KMeansPlusPlusClusterer<>(k, MAX_ITERATIONS, new EuclideanDistance(),
                random, KMeansPlusPlusClusterer.EmptyClusterStrategy.LARGEST_POINTS_NUMBER);
        return new MultiKMeansPlusPlusClusterer<>(kMeans, TRIALS).cluster(points);
    }

    /** Mean silhouette over all points (a point alone in its cluster counts 0). */
    static double silhouette(List<CentroidCluster<DoublePoint>> clusters) {
        EuclideanDistance distance = new EuclideanDistance();
        double sum = 0;
        int count = 0;
        for (int c = 0; c < clusters.size(); c++) {
            List<DoublePoint> own = clusters.get(c).getPoints();
            for (DoublePoint p : own) {
                count++;
                if (own.size() < 2) {
                    continue;
                }
                double a = meanDistance(p, own, distance) * own.size() / (own.size() - 1);
                double b = Double.POSITIVE_INFINITY;
                for (int o = 0; o < clusters.size(); o++) {
                    if (o != c && !clusters.get(o).getPoints().isEmpty()) {
                        b = Math.min(b, meanDistance(p, clusters.get(o).getPoints(), distance));
                    }
                }
                double denominator = Math.max(a, b);
                sum += denominator == 0 || Double.isInfinite(b) ? 0 : (b - a) / denominator;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    private static double meanDistance(DoublePoint p, List<DoublePoint> points, EuclideanDistance distance) {
        double total = 0;
        for (DoublePoint q : points) {
            total += distance.compute(p.getPoint(), q.getPoint());
        }
        return total / points.size();
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
