package com.spurlab;

import static com.spurlab.BenchFigures.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.inference.demo.DemoSpec;
import com.spurlab.inference.demo.SpuriousFashionMnist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The demo's first start, timed (a benchmark, not a test: no timed assertions; run by {@code bench/demo-pilot.sh}):
 * the standard demo set (the one the demo profile builds) is uploaded and validated, then the whole pilot is planned
 * through {@code POST /pilots} as the demo does, and each job's queue wait and run time is printed as it finishes,
 * with the time to the first result on the dashboard (the baseline's evaluation) and to the end of the pilot.
 */
class DemoPilotBenchmark extends AppITSupport {

    private static final int MINUTES = Integer.getInteger("bench.minutes", 40);

    @Test
    void demoPilotOnTheStandardDemoSet() throws IOException {
        print("load before: " + load());
        Path archive = Files.createTempFile("demo-pilot-bench", ".zip");
        SpuriousFashionMnist.write(SpuriousFashionMnist.DEFAULT_SOURCE, archive, DemoSpec.standard());
        long project = createProject("lead", "demo pilot bench " + System.nanoTime(), "executive");
        long start = System.nanoTime();
        long version = upload("lead", project, "fashion-background-cue", archive).getBody().get("id").asLong();
        JsonNode ready = await(() -> get("lead", "/api/v1/datasets/" + version).getBody(),
                v -> !v.get("status").asText().equals("VALIDATING"), Duration.ofMinutes(10));
        print(String.format(Locale.ROOT, "upload + validation of %d images: %s in %.1f s", ready.get("samples").asInt(),
                ready.get("status").asText(), seconds(start)));
        long planned = System.nanoTime();
        JsonNode pilot = post("lead", "/api/v1/projects/" + project + "/pilots", Map.of("datasetVersionId", version))
                .getBody();
        long experiment = pilot.get("id").asLong();
        print("pilot planned: experiment " + experiment);
        Set<Long> reported = new HashSet<>();
        boolean firstResult = false;
        long deadline = System.nanoTime() + Duration.ofMinutes(MINUTES).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode x = get("lead", "/api/v1/experiments/" + experiment).getBody();
            for (JsonNode job : x.get("jobs")) {
                String status = job.get("status").asText();
                if (List.of("SUCCEEDED", "FAILED", "CANCELLED", "SKIPPED").contains(status)
                        && reported.add(job.get("id").asLong())) {
                    print(String.format(Locale.ROOT, "step %d %-10s %-9s %s  waited %s, ran %s  (%.0f s after planning)",
                            job.get("stepIndex").asInt(), job.get("type").asText(), status, job.path("params")
                                    .path("method").asText(""), between(job, "createdAt", "startedAt"),
                            between(job, "startedAt", "finishedAt"), seconds(planned)));
                    if (!firstResult && job.get("type").asText().equals("EVALUATE") && status.equals("SUCCEEDED")) {
                        firstResult = true;
                        print(String.format(Locale.ROOT, "first result on the dashboard: %.0f s after planning, "
                                + "%.0f s after the upload started", seconds(planned), seconds(start)));
                    }
                }
            }
            String status = x.get("status").asText();
            if (List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(status)) {
                print(String.format(Locale.ROOT, "pilot %s: %.0f s after planning, %.0f s after the upload started",
                        status, seconds(planned), seconds(start)));
                break;
            }
            sleep();
        }
        print("load after: " + load());
        Files.deleteIfExists(archive);
    }

    private static String between(JsonNode job, String from, String to) {
        if (!job.hasNonNull(from) || !job.hasNonNull(to)) {
            return "—";
        }
        Duration d = Duration.between(Instant.parse(job.get(from).asText()), Instant.parse(job.get(to).asText()));
        return String.format(Locale.ROOT, "%.0f s", d.toMillis() / 1000.0);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Between two reads of the experiment: the "s after planning" figures are late by at most this much. */
    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void print(String line) {
        System.out.println("DEMO-PILOT " + line);
    }
}
