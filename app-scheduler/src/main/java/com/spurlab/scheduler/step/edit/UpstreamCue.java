package com.spurlab.scheduler.step.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.core.Json;
import com.spurlab.inference.edit.EditCue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cue an EXTRACT run upstream ranked highest among those EDIT can edit: its details list the cues best first
 * ({@code cues: [{rank, cue, ...}]}, DESIGN's cue shape); a slice (a cluster of errors) names no region and is passed
 * over.
 */
final class UpstreamCue {

    private UpstreamCue() {
    }

    /**
     * @param details the EXTRACT run's details
     * @return the cue's name and the cues passed over, or empty when no ranked cue names a region
     */
    static Optional<Chosen> of(String details) {
        JsonNode cues = Json.read(details, JsonNode.class).path("cues");
        List<String> passedOver = new ArrayList<>();
        for (JsonNode row : cues) {
            String name = row.path("cue").asText("");
            try {
                return Optional.of(new Chosen(EditCue.parse(name).toString(), passedOver));
            } catch (IllegalArgumentException e) {
                passedOver.add(name);
            }
        }
        return Optional.empty();
    }

    /** @param passedOver higher-ranked cues that name no region to edit */
    record Chosen(String cue, List<String> passedOver) {
    }
}
