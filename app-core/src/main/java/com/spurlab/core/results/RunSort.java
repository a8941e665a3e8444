package com.spurlab.core.results;

/** One sort key of the runs table. */
public record RunSort(RunColumn column, boolean descending) {

    /** Newest first: what a lead looks for after an experiment finished. */
    public static final RunSort NEWEST = new RunSort(RunColumn.CREATED, true);
}
