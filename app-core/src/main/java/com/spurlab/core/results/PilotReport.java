package com.spurlab.core.results;

import java.time.Instant;
import java.util.List;

/** Everything the exported pilot report holds: the overview, the top cues and the audits side by side. */
public record PilotReport(long projectId, String projectName, Instant generatedAt, PilotOverview overview,
                          List<ConfirmedCue> cues, AuditSideBySide audits) {

    public PilotReport {
        cues = List.copyOf(cues);
    }
}
