package com.spurlab.scheduler.step;

import com.spurlab.core.dataset.DataSplit;
import com.spurlab.core.step.Described;
import java.util.List;

/** EVALUATE's parameters. */
public record EvaluateParams(
        @Described("Attributes that, with the label, define the groups. Default: the TRAIN step's groupBy, else the "
                + "attribute the dataset's composition flags most strongly as a cue.")
        List<String> groupBy,
        @Described("Splits to score; embeddings of every split are kept either way. Default: val and test (val "
                + "chooses the best model, test reports it).")
        List<DataSplit> splits) {

    public EvaluateParams {
        groupBy = groupBy == null ? null : List.copyOf(groupBy);
        splits = splits == null || splits.isEmpty() ? List.of(DataSplit.VAL, DataSplit.TEST)
                : splits.stream().distinct().sorted().toList();
    }

    EvaluateParams withGroupBy(List<String> attributes) {
        return new EvaluateParams(attributes, splits);
    }
}
