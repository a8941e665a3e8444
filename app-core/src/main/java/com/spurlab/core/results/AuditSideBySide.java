package com.spurlab.core.results;

import com.spurlab.core.audit.AuditResults.AuditRun;

/**
 * The audit of the baseline model beside the audit of the mitigated one (either may be null): the audit whose model
 * is the overview's baseline (mitigated) model, else the oldest (newest) audit of the project.
 */
public record AuditSideBySide(AuditRun baseline, AuditRun mitigated) {
}
