package com.spurlab.core.results;

import java.util.Comparator;
import java.util.function.Function;

/** The columns the runs table sorts by; rows without the figure sort last either way. */
public enum RunColumn {
    CREATED(EvaluatedRun::createdAt),
    EXPERIMENT(EvaluatedRun::experiment),
    METHOD(EvaluatedRun::method),
    MODEL(EvaluatedRun::model),
    EPOCHS(EvaluatedRun::epochs),
    DATASET(EvaluatedRun::dataset),
    TEST_ACCURACY(EvaluatedRun::testAccuracy),
    TEST_WORST_GROUP(EvaluatedRun::testWorstGroupAccuracy),
    VAL_WORST_GROUP(EvaluatedRun::valWorstGroupAccuracy),
    GAP(EvaluatedRun::testGap);

    private final Function<EvaluatedRun, ? extends Comparable<?>> key;

    RunColumn(Function<EvaluatedRun, ? extends Comparable<?>> key) {
        this.key = key;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Comparator<EvaluatedRun> order(boolean descending) {
        Comparator<Comparable> natural = descending ? Comparator.<Comparable>naturalOrder().reversed()
                : Comparator.naturalOrder();
        return Comparator.comparing(run -> (Comparable) key.apply(run), Comparator.nullsLast(natural));
    }
}
