package com.spurlab.core.results;

import java.util.Locale;

/**
 * Which rows of the runs table to show; null or blank parts match everything.
 *
 * @param search words found in the experiment's name, method, model, groupBy, dataset or worst group
 */
public record RunFilter(String search, String method, Long datasetVersionId) {

    public static final RunFilter ALL = new RunFilter(null, null, null);

    boolean matches(EvaluatedRun run) {
        if (method != null && !method.isBlank() && !method.equals(run.method())) {
            return false;
        }
        if (datasetVersionId != null && datasetVersionId != run.datasetVersionId()) {
            return false;
        }
        if (search == null || search.isBlank()) {
            return true;
        }
        String text = String.join(" ", run.experiment(), String.valueOf(run.method()), String.valueOf(run.model()),
                String.join(",", run.groupBy()), run.dataset(), run.test() == null ? "" : run.test().worstGroup(),
                "#" + run.evaluationRunId()).toLowerCase(Locale.ROOT);
        for (String word : search.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty() && !text.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
