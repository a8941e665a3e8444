/**
 * The bias audit of a model on a split: embedding association tests, per-group accuracy/TPR/FPR gaps,
 * counterfactual consistency and ODmAP@k, gathered with plain-language findings into one {@link
 * com.spurlab.inference.audit.AuditReport}.
 */
package com.spurlab.inference.audit;
