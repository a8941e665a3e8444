package com.spurlab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.core.user.Role;
import com.spurlab.core.user.UserService;
import com.spurlab.inference.demo.DemoSpec;
import com.spurlab.inference.demo.SpuriousFashionMnist;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The whole application on a random port with a real H2 file database, real Quartz (JDBC store) and
 * real DJL, in a data folder of its own. Test classes share one context (Spring caches it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class AppITSupport {

    protected static final String PASSWORD = "secret-password-for-tests";
    private static final Path DATA = temporaryFolder();
    private static Path tinyArchive;

    @LocalServerPort
    protected int port;

    @Autowired
    protected UserService users;

    /** The application's data folder (database, blobs, job folders). */
    protected static Path dataFolder() {
        return DATA;
    }

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) {
        registry.add("spurlab.data-dir", DATA::toString);
    }

    @BeforeEach
    void ensureUsers() {
        for (String name : new String[] {"lead", "lead2", "executive", "vendor", "vendor2", "admin"}) {
            Role role = name.startsWith("lead") ? Role.LEAD : name.startsWith("vendor") ? Role.VENDOR
                    : name.equals("admin") ? Role.ADMIN : Role.EXECUTIVE;
            if (users.findByUsername(name).isEmpty()) {
                users.createUnchecked(name, PASSWORD, role, name);
            }
        }
    }

    /** The tiny spurious-cue demo archive (real Fashion-MNIST images), built once per test JVM. */
    protected static synchronized Path tinyArchive() {
        if (tinyArchive == null) {
            try {
                tinyArchive = DATA.resolveSibling(DATA.getFileName() + "-tiny-demo.zip");
                SpuriousFashionMnist.write(SpuriousFashionMnist.DEFAULT_SOURCE, tinyArchive, DemoSpec.tiny());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tinyArchive;
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** An API client signed in with HTTP Basic; error statuses are returned, not thrown. */
    protected RestClient api(String username) {
        return RestClient.builder().baseUrl(baseUrl())
                .defaultHeaders(h -> h.setBasicAuth(username, PASSWORD))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    protected ResponseEntity<JsonNode> get(String username, String path) {
        return api(username).get().uri(path).retrieve().toEntity(JsonNode.class);
    }

    protected ResponseEntity<JsonNode> post(String username, String path, Object body) {
        return api(username).post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class);
    }

    protected ResponseEntity<JsonNode> upload(String username, long projectId, String name, Path archive) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new FileSystemResource(archive));
        parts.add("name", name);
        return api(username).post().uri("/api/v1/projects/{id}/datasets", projectId)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(JsonNode.class);
    }

    protected long createProject(String lead, String name, String... members) {
        long id = post(lead, "/api/v1/projects", java.util.Map.of("name", name, "description", "test"))
                .getBody().get("id").asLong();
        for (String member : members) {
            post(lead, "/api/v1/projects/" + id + "/members", java.util.Map.of("username", member));
        }
        return id;
    }

    /** The id of an uploaded version once its validation job has finished; fails unless the version is READY. */
    protected long ready(String username, ResponseEntity<JsonNode> upload) {
        long id = upload.getBody().get("id").asLong();
        JsonNode version = await(() -> get(username, "/api/v1/datasets/" + id).getBody(),
                v -> !v.get("status").asText().equals("VALIDATING"), Duration.ofMinutes(2));
        assertThat(version.get("status").asText()).as(version.toString())
                .isEqualTo("READY");
        return id;
    }

    /** Sets a project's KPI target (PUT /projects/{id}/kpis/{metric}); targets keep the order they were set in. */
    protected void target(String username, long projectId, String metric, double threshold) {
        api(username).put().uri("/api/v1/projects/{id}/kpis/{metric}", projectId, metric)
                .contentType(MediaType.APPLICATION_JSON).body(java.util.Map.of("threshold", threshold)).retrieve()
                .toBodilessEntity();
    }

    /** The experiment once every job of it has finished; fails unless it SUCCEEDED. */
    protected JsonNode succeeded(String username, long experimentId, Duration timeout) {
        JsonNode done = await(() -> get(username, "/api/v1/experiments/" + experimentId).getBody(),
                e -> List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(e.get("status").asText()), timeout);
        assertThat(done.get("status").asText()).as(done.toString())
                .isEqualTo("SUCCEEDED");
        return done;
    }

    /** Polls (Awaitility, every 250 ms) until the condition holds and returns that value; fails after the timeout. */
    protected static <T> T await(Supplier<T> read, Predicate<T> done, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(read::get, done::test);
    }

    protected static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("spurlab-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
