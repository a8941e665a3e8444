package com.spurlab.core.dataset;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Strength of association between two categorical variables, from a contingency table (rows → columns → count):
 * what a version's composition records per attribute, and what SYNTHESIZE reports before and after it adds images.
 */
public final class Association {

    private Association() {
    }

    /** Cramér's V = sqrt(χ² / (n · (min(r, c) − 1))); 0 when a variable has a single value. */
    public static double cramersV(Map<String, Map<String, Integer>> table) {
        Margins m = new Margins(table);
        int k = Math.min(m.rows.size(), m.cols.size());
        if (m.n == 0 || k < 2) {
            return 0;
        }
        double chi2 = 0;
        for (var r : m.rows.entrySet()) {
            for (var c : m.cols.entrySet()) {
                double expected = (double) r.getValue() * c.getValue() / m.n;
                double observed = table.getOrDefault(r.getKey(), Map.of()).getOrDefault(c.getKey(), 0);
                chi2 += (observed - expected) * (observed - expected) / expected;
            }
        }
        return Math.sqrt(chi2 / (m.n * (k - 1)));
    }

    /** I(X;Y) / sqrt(H(X)·H(Y)); 0 when either entropy is 0. */
    static double normalizedMutualInformation(Map<String, Map<String, Integer>> table) {
        Margins m = new Margins(table);
        if (m.n == 0) {
            return 0;
        }
        double mi = 0;
        for (var r : table.entrySet()) {
            for (var c : r.getValue().entrySet()) {
                if (c.getValue() > 0) {
                    double pxy = (double) c.getValue() / m.n;
                    double px = (double) m.rows.get(r.getKey()) / m.n;
                    double py = (double) m.cols.get(c.getKey()) / m.n;
                    mi += pxy * Math.log(pxy / (px * py));
                }
            }
        }
        double hx = entropy(m.rows, m.n);
        double hy = entropy(m.cols, m.n);
        return hx == 0 || hy == 0 ? 0 : Math.max(0, mi / Math.sqrt(hx * hy));
    }

    private static double entropy(Map<String, Integer> margin, int n) {
        double h = 0;
        for (int count : margin.values()) {
            if (count > 0) {
                double p = (double) count / n;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    private static final class Margins {
        final Map<String, Integer> rows = new LinkedHashMap<>();
        final Map<String, Integer> cols = new LinkedHashMap<>();
        int n;

        Margins(Map<String, Map<String, Integer>> table) {
            table.forEach((r, cells) -> cells.forEach((c, count) -> {
                rows.merge(r, count, Integer::sum);
                cols.merge(c, count, Integer::sum);
                n += count;
            }));
        }
    }
}
