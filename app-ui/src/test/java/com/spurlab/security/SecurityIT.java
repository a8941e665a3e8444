package com.spurlab.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.AppITSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import com.spurlab.core.storage.StorageSettings;

/**
 * Issue 17's findings re-run against the whole application over HTTP: each answers as asked now.
 * (Uploads before their body: {@link UploadBeforeBodyIT}; the browser: {@code SecurityBrowserIT}.)
 */
class SecurityIT extends AppITSupport {

    @Autowired
    StorageSettings storage;

    @Test
    void theOpenApiDocumentIsServedWholeAndTheDocsPageShowsIt() {
        RestClient anonymous = anonymous();
        ResponseEntity<JsonNode> served = anonymous.get().uri("/api/openapi").retrieve().toEntity(JsonNode.class);
        assertThat(served.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode doc = served.getBody();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.at("/info/title").asText()).isNotBlank();
        assertThat(doc.at("/paths/~1api~1v1~1me~1tokens/get").isObject()).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1me~1tokens/post").isObject()).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1me~1tokens~1{id}/delete").isObject()).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1projects~1{projectId}~1datasets/post").isObject()).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1users/post").isObject()).isTrue();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                assertThat(op.getValue().get("responses")).as(op.getKey() + " " + path.getKey()).isNotEmpty()));
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(ref).startsWith("#/components/schemas/")
                .satisfies(r -> assertThat(doc.at(r.substring(1)).isObject()).as(r).isTrue()));

        ResponseEntity<String> docs = anonymous.get().uri("/api/docs").retrieve().toEntity(String.class);
        assertThat(docs.getStatusCode().is3xxRedirection() || docs.getStatusCode().is2xxSuccessful()).isTrue();
        ResponseEntity<String> ui = anonymous.get().uri("/api/swagger-ui/index.html").retrieve().toEntity(String.class);
        assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ui.getBody()).contains("swagger-ui");
    }

    @Test
    void tokensAreListedAndRevokedAndATokenCannotMintMore() {
        JsonNode issued = post("executive", "/api/v1/me/tokens", Map.of("label", "report bot", "expiresInDays", 30))
                .getBody();
        String token = issued.get("token").asText();
        long id = issued.get("id").asLong();
        assertThat(issued.get("expiresAt").asText()).isNotBlank();

        RestClient bot = bearerClient(token);
        JsonNode listed = bot.get().uri("/api/v1/me/tokens").retrieve().body(JsonNode.class);
        assertThat(listed).anySatisfy(t -> {
            assertThat(t.get("id").asLong()).isEqualTo(id);
            assertThat(t.get("label").asText()).isEqualTo("report bot");
            assertThat(t.get("createdAt").asText()).isNotBlank();
            assertThat(t.get("lastUsedAt").asText()).isNotBlank();
            assertThat(t.has("token")).isFalse();
        });
        ResponseEntity<JsonNode> minted = bot.post().uri("/api/v1/me/tokens").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("label", "more")).retrieve().toEntity(JsonNode.class);
        assertThat(minted.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(minted.getBody().get("message").asText()).contains("cannot issue tokens");

        assertThat(api("lead").delete().uri("/api/v1/me/tokens/{id}", id).retrieve().toEntity(JsonNode.class)
                .getStatusCode()).as("another user's token").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(bot.delete().uri("/api/v1/me/tokens/{id}", id).retrieve().toEntity(JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(bot.get().uri("/api/v1/me").retrieve().toEntity(JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void overLongFieldsAndFloatIdsAre400sThatNameTheField() {
        var label = post("lead", "/api/v1/me/tokens", Map.of("label", "x".repeat(5000)));
        assertThat(label.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(label.getBody().get("message").asText()).isEqualTo("label: at most 200 characters, got 5000");

        var description = post("lead", "/api/v1/projects", Map.of("name", "long " + System.nanoTime(),
                "description", "d".repeat(3000)));
        assertThat(description.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(description.getBody().get("message").asText())
                .isEqualTo("description: at most 2000 characters, got 3000");

        long project = createProject("lead", "float ids " + System.nanoTime());
        var floatId = post("lead", "/api/v1/projects/" + project + "/experiments",
                Map.of("datasetVersionId", 2.7, "steps", List.of(Map.of("type", "TRAIN"))));
        assertThat(floatId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(floatId.getBody().get("message").asText()).isEqualTo("field 'datasetVersionId': expected a whole number");
    }

    @Test
    void disabledUsersAndTheirTokensStopAtOnceAndPasswordsChange() {
        String name = "temp-" + System.nanoTime();
        var weak = post("admin", "/api/v1/users", Map.of("username", name, "password", "short", "role", "LEAD"));
        assertThat(weak.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(weak.getBody().get("message").asText()).contains("at least 12");
        JsonNode created = post("admin", "/api/v1/users", Map.of("username", name, "password", PASSWORD, "role", "LEAD"))
                .getBody();
        long id = created.get("id").asLong();
        String token = post(name, "/api/v1/me/tokens", Map.of("label", "t")).getBody().get("token").asText();
        assertThat(get(name, "/api/v1/me").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(name, "/api/v1/me").getStatusCode()).as("verified a moment ago: cached").isEqualTo(HttpStatus.OK);

        assertThat(post("lead", "/api/v1/users/" + id + "/disable", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("admin", "/api/v1/users/" + id + "/disable", Map.of()).getBody().get("enabled").asBoolean())
                .isFalse();
        assertThat(get(name, "/api/v1/me").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(bearerClient(token).get().uri("/api/v1/me").retrieve().toEntity(JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        post("admin", "/api/v1/users/" + id + "/enable", Map.of());
        assertThat(bearerClient(token).get().uri("/api/v1/me").retrieve().toEntity(JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(post("admin", "/api/v1/users/" + id + "/password", Map.of("password", "reset-by-the-admin"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(get(name, "/api/v1/me").getStatusCode()).as("old password, though cached").isEqualTo(HttpStatus.UNAUTHORIZED);
        RestClient renamed = basicClient(name, "reset-by-the-admin");
        assertThat(renamed.post().uri("/api/v1/me/password").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("currentPassword", "reset-by-the-admin", "newPassword", "chosen-by-the-user"))
                .retrieve().toEntity(JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(basicClient(name, "chosen-by-the-user").get().uri("/api/v1/me").retrieve()
                .toEntity(JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(renamed.get().uri("/api/v1/me").retrieve().toEntity(JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void failedSignInsSlowTheAccountDownAndAdminsSeeAndLiftTheLock() throws InterruptedException {
        String name = "guessed-" + System.nanoTime();
        post("admin", "/api/v1/users", Map.of("username", name, "password", PASSWORD, "role", "EXECUTIVE"));
        RestClient guesser = basicClient(name, "wrong-password-guess");
        try {
            for (int i = 1; i <= 4; i++) {
                assertThat(guesser.get().uri("/api/v1/me").retrieve().toEntity(JsonNode.class).getStatusCode())
                        .as("guess " + i).isEqualTo(HttpStatus.UNAUTHORIZED);
            }
            Thread.sleep(1100);
            assertThat(guesser.get().uri("/api/v1/me").retrieve().toEntity(JsonNode.class).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            Thread.sleep(2100);
            assertThat(guesser.get().uri("/api/v1/me").retrieve().toEntity(JsonNode.class).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);

            // The sixth failure makes the account wait 4 s: even the right password is refused meanwhile.
            ResponseEntity<JsonNode> refused = get(name, "/api/v1/me");
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(refused.getHeaders().getFirst("Retry-After")).isNotNull();
            assertThat(refused.getBody().get("error").asText()).isEqualTo("too_many_failed_sign_ins");
            JsonNode users = get("admin", "/api/v1/users").getBody();
            assertThat(users).filteredOn(u -> u.get("username").asText().equals(name)).singleElement()
                    .satisfies(u -> assertThat(u.get("lockedUntil").asText()).isNotBlank());

            post("admin", "/api/v1/users/locks/unlock", Map.of("account", name));
            assertThat(get(name, "/api/v1/me").getStatusCode()).isEqualTo(HttpStatus.OK);
        } finally {
            // The guesses also counted against this machine's address, which every test shares.
            post("admin", "/api/v1/users/locks/unlock", Map.of("account", "127.0.0.1"));
            post("admin", "/api/v1/users/locks/unlock", Map.of("account", "0:0:0:0:0:0:0:1"));
        }
    }

    @Test
    void unknownApiPathsAndOtherProjectsIdsAreTheSameJson404() {
        ResponseEntity<JsonNode> unknown = get("lead", "/api/v1/no-such-thing");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(unknown.getBody().get("error").asText()).isEqualTo("not_found");

        long project = createProject("lead", "hidden " + System.nanoTime());
        ResponseEntity<JsonNode> foreign = get("lead2", "/api/v1/projects/" + project);
        ResponseEntity<JsonNode> missing = get("lead2", "/api/v1/projects/987654321");
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(foreign.getBody().toString().replace("/projects/" + project, "/projects/ID"))
                .isEqualTo(missing.getBody().toString().replace("/projects/987654321", "/projects/ID"));
        ResponseEntity<JsonNode> foreignKpis = get("lead2", "/api/v1/projects/" + project + "/kpis");
        assertThat(foreignKpis.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void concurrentUploadsOfOneNameAndCreationsOfOneProjectGetCleanAnswers() throws Exception {
        long project = createProject("lead", "races " + System.nanoTime(), "vendor");
        Path archive = Files.writeString(Files.createTempFile("race", ".zip"), "not a zip: validated as rejected");
        List<ResponseEntity<JsonNode>> uploads = concurrently(20, () -> upload("vendor", project, "raced", archive));
        assertThat(uploads).allSatisfy(r -> assertThat(r.getStatusCode()).isIn(HttpStatus.ACCEPTED, HttpStatus.CONFLICT));
        List<Long> accepted = uploads.stream().filter(r -> r.getStatusCode() == HttpStatus.ACCEPTED)
                .peek(r -> assertThat(r.getBody().get("version").asInt()).isBetween(1, 20))
                .map(r -> r.getBody().get("id").asLong()).toList();
        // Every accepted upload is stored once. (Its number may repeat: a rejected upload gives its number back.)
        JsonNode listed = get("vendor", "/api/v1/projects/" + project + "/datasets").getBody();
        List<Long> stored = new java.util.ArrayList<>();
        listed.forEach(v -> stored.add(v.get("id").asLong()));
        assertThat(stored).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(accepted);

        String name = "contested " + System.nanoTime();
        List<ResponseEntity<JsonNode>> creations = concurrently(10,
                () -> post("lead", "/api/v1/projects", Map.of("name", name)));
        assertThat(creations).filteredOn(r -> r.getStatusCode() == HttpStatus.CREATED).hasSize(1);
        assertThat(creations).filteredOn(r -> r.getStatusCode() == HttpStatus.CONFLICT).hasSize(9)
                .allSatisfy(r -> assertThat(r.getBody().get("error").asText()).isIn("name_taken", "conflict"));
    }

    @Test
    void responsesCarryThePoliciesAndTheSessionCookieIsSameSite() {
        ResponseEntity<String> login = anonymous().get().uri("/login").retrieve().toEntity(String.class);
        HttpHeaders headers = login.getHeaders();
        assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'self'")
                .contains("frame-ancestors 'none'").contains("object-src 'none'");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(headers.getFirst("Permissions-Policy")).contains("camera=()");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.get(HttpHeaders.SET_COOKIE)).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=")
                .contains("SameSite=Lax").contains("HttpOnly"));
        assertThat(get("lead", "/api/v1/me").getHeaders().getFirst("Content-Security-Policy")).isNotNull();
    }

    @Test
    void theLoginFormRefusesAPostWithoutItsCsrfToken() {
        // The right credentials, posted from "another site" (no CSRF token): no sign-in happens.
        ResponseEntity<String> forged = anonymous().post().uri("/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("username=lead&password=" + PASSWORD).retrieve().toEntity(String.class);
        String location = forged.getHeaders().getFirst(HttpHeaders.LOCATION);
        assertThat(forged.getStatusCode().value() == 403 || location != null && location.contains("/login"))
                .as(forged.getStatusCode() + " " + location).isTrue();
    }

    @Test
    void theDataFolderAndTheDatabaseAreTheOwnersOnly() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(storage.dataDir())))
                .isEqualTo("rwx------");
        try (Stream<Path> db = Files.list(storage.dataDir().resolve("db"))) {
            assertThat(db.filter(f -> f.getFileName().toString().endsWith(".db")).toList()).isNotEmpty()
                    .allSatisfy(f -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                            .isEqualTo("rw-------"));
        }
    }

    private <T> List<T> concurrently(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = IntStream.range(0, n).mapToObj(i -> pool.submit(() -> {
                start.await();
                return call.call();
            })).toList();
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(2, java.util.concurrent.TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private RestClient anonymous() {
        return RestClient.builder().baseUrl(baseUrl()).defaultStatusHandler(s -> true, (req, res) -> { }).build();
    }

    private RestClient bearerClient(String token) {
        return RestClient.builder().baseUrl(baseUrl()).defaultHeaders(h -> h.setBearerAuth(token))
                .defaultStatusHandler(s -> true, (req, res) -> { }).build();
    }

    private RestClient basicClient(String username, String password) {
        return RestClient.builder().baseUrl(baseUrl()).defaultHeaders(h -> h.setBasicAuth(username, password))
                .defaultStatusHandler(s -> true, (req, res) -> { }).build();
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
