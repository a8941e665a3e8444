package com.spurlab.inference.audit;

import java.util.List;

/**
 * The bias audit of one model on one split: DESIGN.md's {@code {split, eat: [{target, attribute, effectSize,
 * pValue, n}], gaps: {accuracy, tpr, fpr}, counterfactualConsistency, odmap: {k, original, edited}}}, each figure
 * with its interval, per-group tables, plain-language findings, and which concept sets are approximations.
 *
 * @param split                     the audited split
 * @param cue                       the audited cue
 * @param n                         samples of the split
 * @param eat                       one association test per label pair
 * @param gaps                      per-group accuracy, TPR/FPR across cue values, largest gaps
 * @param counterfactualConsistency {@code null} when no EDIT run was given
 * @param odmap                     {@code null} when no EDIT run was given
 * @param findings                  most worrying first
 * @param approximations            one line per association test whose concept sets are approximations
 * @param notes                     what could not be computed, and why
 */
public record AuditReport(String split, String cue, int n, List<AssociationResult> eat, GapReport gaps,
        ConsistencyReport counterfactualConsistency, OdmapReport odmap, List<Finding> findings, List<String> approximations,
        List<String> notes, AuditTimings timings) {

    public AuditReport {
        eat = List.copyOf(eat);
        findings = List.copyOf(findings);
        approximations = List.copyOf(approximations);
        notes = List.copyOf(notes);
    }
}
