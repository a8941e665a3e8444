package com.spurlab.scheduler.step.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.dataset.DatasetVersionView;
import com.spurlab.core.run.RunService;
import com.spurlab.core.step.ArtifactRef;
import com.spurlab.core.step.ArtifactType;
import com.spurlab.core.step.PlanContext;
import com.spurlab.core.step.StepInputs;
import com.spurlab.inference.synth.SynthesisCue;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The cue a SYNTHESIZE job fills the groups of: the one its parameters name; else the cue an EDIT run upstream
 * confirmed; else the first cue an EXTRACT run upstream ranked that can be recombined (an attribute, a caption
 * keyword, a printed word: not an error slice, not the mask); else the attribute the composition flags most strongly.
 *
 * @param from where it came from, in the words of the stored report: PARAMETER, EDIT, EXTRACT, COMPOSITION
 */
record CueChoice(String cue, String from, Long runId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static CueChoice resolve(String given, StepInputs inputs, RunService runs, DatasetVersionView version) {
        if (given != null) {
            return new CueChoice(given, "PARAMETER", null);
        }
        for (ArtifactRef edit : inputs.all(ArtifactType.EDIT_SET)) {
            JsonNode details = details(runs, edit);
            if (details.path("confirmed").asBoolean(false) && usable(details.path("cue").asText(null))) {
                return new CueChoice(details.path("cue").asText(), "EDIT", edit.runId());
            }
        }
        for (ArtifactRef cues : inputs.all(ArtifactType.CUES)) {
            for (JsonNode c : details(runs, cues).path("cues")) {
                if (usable(c.path("cue").asText(null))) {
                    return new CueChoice(c.path("cue").asText(), "EXTRACT", cues.runId());
                }
            }
        }
        Optional<String> strongest = new PlanContext("", version, false, List.of(), Set.of()).strongestSuspectedCue();
        return strongest.map(a -> new CueChoice("attribute:" + a, "COMPOSITION", null)).orElseThrow(() ->
                new InvalidRequestException("no_cue", "no cue to fill the groups of: no EDIT run upstream confirmed one,"
                        + " no EXTRACT run upstream ranked one that can be recombined, and the composition of dataset"
                        + " version " + version.id() + " flags no attribute; name one with the cue parameter"));
    }

    static boolean usable(String cue) {
        if (cue == null) {
            return false;
        }
        try {
            SynthesisCue.parse(cue);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static JsonNode details(RunService runs, ArtifactRef artifact) {
        if (artifact.runId() == null) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(runs.detailsForJob(artifact.runId()));
        } catch (java.io.IOException e) {
            return JSON.missingNode();
        }
    }
}
