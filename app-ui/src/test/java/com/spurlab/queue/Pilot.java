package com.spurlab.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.inference.demo.DemoSpec;
import com.spurlab.inference.demo.SpuriousFashionMnist;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/** What the process-level queue tests do through a node's API as the demo lead. */
final class Pilot {

    private Pilot() {
    }

    /** The demo project with a READY tiny dataset version: returns {projectId, datasetVersionId}. */
    static long[] readyDataset(NodeProcess node, Path workDir) throws IOException {
        long project = node.get("/api/v1/projects").getBody().get(0).get("id").asLong();
        Path archive = workDir.resolve("tiny-demo.zip");
        SpuriousFashionMnist.write(SpuriousFashionMnist.DEFAULT_SOURCE, archive, DemoSpec.tiny());
        long dataset = upload(node, project, "tiny", archive);
        JsonNode version = await(() -> node.get("/api/v1/datasets/" + dataset).getBody(),
                v -> !v.get("status").asText().equals("VALIDATING"), Duration.ofMinutes(2));
        if (!version.get("status").asText().equals("READY")) {
            throw new IllegalStateException("dataset not READY: " + version);
        }
        return new long[] {project, dataset};
    }

    /** Uploads an archive as the demo lead; returns the new version's id. */
    static long upload(NodeProcess node, long project, String name, Path archive) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new FileSystemResource(archive));
        parts.add("name", name);
        return node.api("lead", NodeProcess.DEMO_PASSWORD).post().uri("/api/v1/projects/{id}/datasets", project)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(JsonNode.class)
                .getBody().get("id").asLong();
    }

    @SafeVarargs
    static long plan(NodeProcess node, long[] pilot, Map<String, Object>... steps) {
        var planned = node.post("/api/v1/projects/" + pilot[0] + "/experiments",
                Map.of("datasetVersionId", pilot[1], "steps", List.of(steps)));
        if (planned.getStatusCode().value() != 201) {
            throw new IllegalStateException("plan refused: " + planned.getBody());
        }
        return planned.getBody().get("id").asLong();
    }

    static Map<String, Object> noop(int millis, String dependsOn) {
        return dependsOn == null ? Map.of("type", "NOOP", "params", Map.of("millis", millis))
                : Map.of("type", "NOOP", "params", Map.of("millis", millis, "dependsOn", dependsOn));
    }

    static JsonNode experiment(NodeProcess node, long id) {
        return node.get("/api/v1/experiments/" + id).getBody();
    }

    static JsonNode finished(NodeProcess node, long id, Duration timeout) {
        return await(() -> experiment(node, id), e -> e != null && List.of("SUCCEEDED", "FAILED", "CANCELLED")
                .contains(e.get("status").asText()), timeout);
    }

    static List<String> lines(NodeProcess node, long jobId) {
        List<String> lines = new ArrayList<>();
        StreamSupport.stream(node.get("/api/v1/jobs/" + jobId + "/log").getBody().spliterator(), false)
                .forEach(l -> lines.add(l.get("line").asText() + " @" + l.get("node").asText()));
        return lines;
    }

    /** {@link #await(Supplier, Predicate, Duration, Duration)} every 250 ms. */
    static <T> T await(Supplier<T> read, Predicate<T> done, Duration timeout) {
        return await(read, done, timeout, Duration.ofMillis(250));
    }

    /** Polls (Awaitility, every {@code poll}) until the condition holds and returns that value; fails after the timeout. */
    static <T> T await(Supplier<T> read, Predicate<T> done, Duration timeout, Duration poll) {
        return Awaitility.await().atMost(timeout).pollInterval(poll).until(read::get, done::test);
    }
}
