package com.spurlab.core.dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.ChiSquareTest;

/**
 * Strength of association between two categorical variables, from a contingency table (rows → columns → count):
 * what a version's composition records per attribute, and what SYNTHESIZE reports before and after it adds images.
 */
public final class Association {

    private Association() {
    }

    /** The bias-corrected Cramér's V of {@link #test}: the composition's own figure, for other tables of counts. */
    public static double cramersV(Map<String, Map<String, Integer>> table) {
        return test(table).cramersV();
    }

    /**
     * Pearson's chi-square test of independence (Commons Math) on the table's non-empty rows and
     * columns, with the bias-corrected Cramér's V of Bergsma (2013). The plain V is biased upwards,
     * most in small tables with many cells: a sample of independent variables gets V &gt; 0.
     *
     * @return the test; a table with fewer than two non-empty rows or columns has no association
     *         (chi-square 0, p-value 1, V 0)
     */
    static Composition.Association test(Map<String, Map<String, Integer>> table) {
        Margins m = new Margins(table);
        List<String> rows = m.rows.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
        List<String> cols = m.cols.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
        if (rows.size() < 2 || cols.size() < 2) {
            return new Composition.Association(m.n, rows.size(), cols.size(), 0, 0, 1, 0);
        }
        long[][] counts = new long[rows.size()][cols.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols.size(); c++) {
                counts[r][c] = table.get(rows.get(r)).getOrDefault(cols.get(c), 0);
            }
        }
        ChiSquareTest chiSquare = new ChiSquareTest();
        double statistic = chiSquare.chiSquare(counts);
        double pValue = chiSquare.chiSquareTest(counts);
        int df = (rows.size() - 1) * (cols.size() - 1);
        return new Composition.Association(m.n, rows.size(), cols.size(), statistic, df, pValue,
                biasCorrectedCramersV(statistic, m.n, rows.size(), cols.size()));
    }

    /**
     * Bergsma (2013), J. Korean Stat. Soc. 42: phi² corrected by its expectation under independence,
     * (r-1)(k-1)/(n-1), and the table's dimensions corrected likewise; 0 when the corrected dimension
     * leaves no room (tiny samples).
     */
    static double biasCorrectedCramersV(double chiSquare, int n, int r, int k) {
        if (n < 2) {
            return 0;
        }
        double phi2 = Math.max(0, chiSquare / n - (double) (r - 1) * (k - 1) / (n - 1));
        double rTilde = r - (double) (r - 1) * (r - 1) / (n - 1);
        double kTilde = k - (double) (k - 1) * (k - 1) / (n - 1);
        double denominator = Math.min(rTilde - 1, kTilde - 1);
        return denominator <= 0 ? 0 : Math.sqrt(phi2 / denominator);
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
