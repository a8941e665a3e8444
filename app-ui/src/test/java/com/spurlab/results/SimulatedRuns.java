package com.spurlab.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Plans simulated TRAIN → EVALUATE experiments through the public API (the queue runs them) and waits for
 * their evaluation runs: many evaluated runs in seconds, for result views and their benchmark.
 */
public final class SimulatedRuns {

    private final RestClient lead;

    /** @param lead an API client signed in as a lead of the project */
    public SimulatedRuns(RestClient lead) {
        this.lead = lead;
    }

    /** One planned run: what it pretends to be and how good it is. */
    public record Plan(String name, String method, int epochs, double quality, double bias, long seed) {
    }

    /** Plans each run as its own experiment and returns the evaluation run ids, in the order given. */
    public List<Long> evaluate(long projectId, long datasetVersionId, List<Plan> plans, Duration timeout) {
        List<Long> experiments = new ArrayList<>();
        for (Plan p : plans) {
            JsonNode planned = lead.post().uri("/api/v1/projects/{id}/experiments", projectId)
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("datasetVersionId", datasetVersionId,
                            "name", p.name(), "steps", List.of(
                                    Map.of("type", "SIMULATED_TRAIN", "params", Map.of("method", p.method(),
                                            "epochs", p.epochs(), "quality", p.quality(), "bias", p.bias(),
                                            "seed", p.seed())),
                                    Map.of("type", "SIMULATED_EVALUATE"))))
                    .retrieve().body(JsonNode.class);
            experiments.add(planned.get("id").asLong());
        }
        List<Long> runs = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long experiment : experiments) {
            while (true) {
                JsonNode x = lead.get().uri("/api/v1/experiments/{id}", experiment).retrieve().body(JsonNode.class);
                String status = x.get("status").asText();
                JsonNode evaluation = x.get("jobs").get(1);
                if (evaluation.hasNonNull("runId")) {
                    runs.add(evaluation.get("runId").asLong());
                    break;
                }
                if (status.equals("FAILED") || status.equals("CANCELLED") || System.nanoTime() > deadline) {
                    throw new IllegalStateException("simulated experiment " + experiment + " did not finish: " + x);
                }
                sleep();
            }
        }
        return runs;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
