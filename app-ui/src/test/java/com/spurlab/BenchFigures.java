package com.spurlab;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/** How the application's benchmarks (DashboardBenchmark, RunsTableBenchmark, DemoPilotBenchmark) print their figures. */
public final class BenchFigures {

    private BenchFigures() {
    }

    /** The middle value (the upper one of an even count). */
    public static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Every value in whole units, e.g. {@code [812, 790, 845]}. */
    public static String rounded(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList().toString();
    }

    /** The machine's 1-minute load average and core count: wall times mean little without them. */
    public static String load() {
        return String.format(Locale.ROOT, "%.2f (1-min load average, %d cores)",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }
}
