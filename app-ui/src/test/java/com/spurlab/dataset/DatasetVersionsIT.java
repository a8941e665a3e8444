package com.spurlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.AppITSupport;
import com.spurlab.core.storage.StorageSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** Dataset versions through the API: formats, n+1, diff, gallery pages, images, deletion, refusals. */
class DatasetVersionsIT extends AppITSupport {

    @Autowired
    StorageSettings storage;

    @Test
    void versionsOfOneNameDiffServeImagesAndDeleteOnlyUnsharedBlobs() throws IOException {
        long project = createProject("lead", "datasets pilot", "vendor", "vendor2", "executive");
        int[] first = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        int[] second = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14};

        JsonNode v1 = uploadAndAwait("vendor", project, "birds", DatasetArchivesForIT.waterbirds(first).tarGz());
        assertThat(v1.get("status").asText()).as(v1.toString()).isEqualTo("READY");
        assertThat(v1.get("format").asText()).isEqualTo("wilds-metadata");
        assertThat(v1.get("archive").asText()).isEqualTo("tar.gz");
        assertThat(v1.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(v1.at("/composition/byAttribute/place/suspectedCue").asBoolean()).isTrue();
        JsonNode v2 = uploadAndAwait("vendor", project, "birds", DatasetArchivesForIT.waterbirds(second).zip());
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        long id1 = v1.get("id").asLong();
        long id2 = v2.get("id").asLong();

        JsonNode diff = get("vendor", "/api/v1/datasets/" + id1 + "/diff/" + id2).getBody();
        assertThat(diff.get("added").asInt()).isEqualTo(2);
        assertThat(diff.get("removed").asInt()).isEqualTo(2);
        assertThat(diff.get("unchanged").asInt()).isEqualTo(10);
        assertThat(diff.at("/addedExamples/0/path").asText()).isEqualTo("birds/13.png");

        JsonNode page = get("vendor", "/api/v1/datasets/" + id2 + "/samples?split=train&label=1&attribute=place&value=1")
                .getBody();
        assertThat(page.size()).isEqualTo(4);
        long sample = page.get(0).get("id").asLong();
        var image = api("vendor").get().uri("/api/v1/datasets/{id}/samples/{s}/image", id2, sample).retrieve()
                .toEntity(byte[].class);
        assertThat(image.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(image.getHeaders().getContentType().toString()).isEqualTo("image/png");
        assertThat(image.getBody()).isEqualTo(DatasetArchivesForIT.png(2));
        var thumbnail = api("vendor").get().uri("/api/v1/datasets/{id}/samples/{s}/image?size=16", id2, sample)
                .retrieve().toEntity(byte[].class);
        assertThat(thumbnail.getHeaders().getContentType().toString()).isEqualTo("image/png");
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumbnail.getBody())).getWidth())
                .isEqualTo(16);
        assertThat(get("vendor", "/api/v1/datasets/" + id2 + "/samples/" + sample + "/image?size=5000")
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        // Another vendor's upload is hidden as if it did not exist.
        assertThat(get("vendor2", "/api/v1/datasets/" + id2 + "/samples").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("executive", "/api/v1/datasets/" + id2 + "/samples/" + sample + "/image").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("vendor", "/api/v1/datasets/" + id1 + "/samples/" + sample + "/image").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(get("vendor2", "/api/v1/projects/" + project + "/datasets").getBody()).isEmpty();
        assertThat(get("vendor2", "/api/v1/datasets/" + id1).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("lead", "/api/v1/projects/" + project + "/datasets").getBody()).hasSize(2);

        assertThat(api("vendor").delete().uri("/api/v1/datasets/{id}", id1).retrieve().toEntity(JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Set<String> before = blobs();
        var deleted = api("lead").delete().uri("/api/v1/datasets/{id}", id1).retrieve().toEntity(JsonNode.class);
        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(deleted.getBody().get("freedBlobs").asInt()).isEqualTo(2);
        Set<String> gone = before.stream().filter(b -> !blobs().contains(b)).collect(Collectors.toSet());
        assertThat(gone).containsExactlyInAnyOrder(sha256(DatasetArchivesForIT.png(11)), sha256(DatasetArchivesForIT.png(12)));
        assertThat(get("lead", "/api/v1/datasets/" + id1).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api("lead").get().uri("/api/v1/datasets/{id}/samples/{s}/image", id2, sample).retrieve()
                .toEntity(byte[].class).getBody()).isEqualTo(DatasetArchivesForIT.png(2));

        // A version that an experiment was planned on is kept: its runs and metrics refer to it.
        var planned = post("lead", "/api/v1/projects/" + project + "/experiments", java.util.Map.of(
                "datasetVersionId", id2, "steps", java.util.List.of(java.util.Map.of("type", "TRAIN",
                        "params", java.util.Map.of("method", "ERM", "epochs", 1, "imageSize", 16)))));
        assertThat(planned.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode experiment = get("lead", "/api/v1/experiments/" + planned.getBody().get("id").asLong()).getBody();
        post("lead", "/api/v1/jobs/" + experiment.at("/jobs/0/id").asLong() + "/cancel", java.util.Map.of());
        var inUse = api("lead").delete().uri("/api/v1/datasets/{id}", id2).retrieve().toEntity(JsonNode.class);
        assertThat(inUse.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(inUse.getBody().get("error").asText()).isEqualTo("dataset_in_use");
        assertThat(inUse.getBody().get("message").asText()).contains("birds v2 is used by 1 experiment(s)");
        assertThat(blobs()).containsAll(before.stream().filter(b -> !gone.contains(b)).toList());
    }

    @Test
    void hostileOrMisdirectedUploadsAreRefusedAndLeaveNothing() throws IOException {
        long project = createProject("lead", "hostile pilot", "vendor");
        long foreign = createProject("lead2", "someone else's pilot");
        Set<String> before = blobs();

        var slip = DatasetArchivesForIT.waterbirds(21, 22, 23, 24, 25, 26, 27, 28, 29, 30)
                .entry("../../../evil.png", DatasetArchivesForIT.png(31));
        JsonNode rejected = uploadAndAwait("vendor", project, "slip", slip.zip());
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("samples").asInt()).isZero();
        assertThat(rejected.at("/report/problems/0/problem").asText()).contains("'../../../evil.png'")
                .contains("zip-slip");
        assertThat(get("vendor", "/api/v1/datasets/" + rejected.get("id").asLong() + "/samples").getBody()).isEmpty();
        assertThat(blobs()).isEqualTo(before);
        assertThat(storage.dataDir().resolve("../evil.png").normalize()).doesNotExist();
        try (Stream<Path> uploads = Files.list(storage.uploads())) {
            assertThat(uploads.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.equals("version-" + rejected.get("id").asLong() + ".archive"));
        }

        var misdirected = upload("vendor", foreign, "mine", DatasetArchivesForIT.waterbirds(1, 2, 3).zip());
        // Not a member: the project is "not found", like a missing one.
        assertThat(misdirected.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(misdirected.getBody().get("error").asText()).isEqualTo("not_found");
        assertThat(get("lead2", "/api/v1/projects/" + foreign + "/datasets").getBody()).isEmpty();
    }

    @Test
    void aRejectedUploadGivesUpItsVersionNumber() throws IOException {
        long project = createProject("lead", "numbering pilot " + System.nanoTime(), "vendor");
        var slip = DatasetArchivesForIT.waterbirds(41, 42, 43, 44).entry("../evil.png", DatasetArchivesForIT.png(45));
        JsonNode rejected = uploadAndAwait("vendor", project, "shelf", slip.zip());
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("version").asInt()).isEqualTo(1);

        JsonNode accepted = uploadAndAwait("vendor", project, "shelf", DatasetArchivesForIT.waterbirds(
                41, 42, 43, 44, 46, 47, 48, 49, 50, 51).zip());

        assertThat(accepted.get("status").asText()).isEqualTo("READY");
        assertThat(accepted.get("version").asInt()).isEqualTo(1);
        JsonNode before = get("vendor", "/api/v1/datasets/" + rejected.get("id").asLong()).getBody();
        assertThat(before.get("status").asText()).isEqualTo("REJECTED");
        assertThat(before.get("version").isNull()).isTrue();
        assertThat(uploadAndAwait("vendor", project, "shelf", DatasetArchivesForIT.waterbirds(
                52, 53, 54, 55, 56, 57, 58, 59, 60, 61).zip()).get("version").asInt()).isEqualTo(2);
    }

    private JsonNode uploadAndAwait(String user, long project, String name, Path archive) {
        var accepted = upload(user, project, name, archive);
        assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        long id = accepted.getBody().get("id").asLong();
        return await(() -> get(user, "/api/v1/datasets/" + id).getBody(),
                v -> !v.get("status").asText().equals("VALIDATING"), Duration.ofMinutes(1));
    }

    private Set<String> blobs() {
        Path root = storage.blobs();
        if (!Files.exists(root)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        return com.spurlab.core.storage.BlobStore.sha256(bytes);
    }
}
