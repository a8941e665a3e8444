package com.spurlab.inference.extract;

import java.util.List;

/**
 * What EXTRACT produces: the report to persist and show, and per-sample findings for EDIT (text boxes)
 * and for turning a cue into an inferred attribute ({@link CueInference}).
 *
 * @param report   the ranked cues
 * @param findings one per split sample, in sample order
 */
public record Extraction(CueReport report, List<SampleFindings> findings) {

    public Extraction {
        findings = List.copyOf(findings);
    }
}
