package com.spurlab.core.kpi;

import java.util.function.Function;

/** A metric a KPI can target, read off a snapshot with its interval, and whether higher is better. */
public enum KpiMetric {
    WORST_GROUP_ACCURACY(KpiSnapshot::worstGroupAccuracy, true, Trust.WORST_GROUP),
    ACCURACY(KpiSnapshot::accuracy, true, Trust.WHOLE_SPLIT),
    AVERAGE_GROUP_ACCURACY(KpiSnapshot::averageGroupAccuracy, true, Trust.EVERY_GROUP),
    ACCURACY_GAP(KpiSnapshot::gap, false, Trust.WORST_GROUP);

    /** Which group sizes a figure rests on: a group below 20 samples makes the figure uncertain. */
    enum Trust { WHOLE_SPLIT, WORST_GROUP, EVERY_GROUP }

    private final Function<KpiSnapshot, Figure> reader;
    private final boolean higherIsBetter;
    private final Trust trust;

    KpiMetric(Function<KpiSnapshot, Figure> reader, boolean higherIsBetter, Trust trust) {
        this.reader = reader;
        this.higherIsBetter = higherIsBetter;
        this.trust = trust;
    }

    Figure of(KpiSnapshot snapshot) {
        return reader.apply(snapshot);
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Whether the figure rests on a group too small to trust. */
    boolean restsOnTooSmallGroup(KpiSnapshot snapshot) {
        return switch (trust) {
            case WHOLE_SPLIT -> snapshot.getN() < KpiSnapshot.TOO_SMALL;
            case WORST_GROUP -> snapshot.getWorstGroupN() < KpiSnapshot.TOO_SMALL;
            case EVERY_GROUP -> snapshot.getSmallestGroupN() < KpiSnapshot.TOO_SMALL;
        };
    }

    /**
     * MET when the whole interval is on the target's side and no group behind the figure is too small;
     * NOT_MET when the whole interval misses the target; else UNCERTAIN.
     */
    TargetStatus judge(KpiSnapshot snapshot, double target) {
        Figure f = of(snapshot);
        boolean allMeet = higherIsBetter ? f.low() >= target : f.high() <= target;
        boolean noneMeets = higherIsBetter ? f.high() < target : f.low() > target;
        if (noneMeets) {
            return TargetStatus.NOT_MET;
        }
        return allMeet && !restsOnTooSmallGroup(snapshot) ? TargetStatus.MET : TargetStatus.UNCERTAIN;
    }
}
