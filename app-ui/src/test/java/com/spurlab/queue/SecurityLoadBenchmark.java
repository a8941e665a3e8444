package com.spurlab.queue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;

/**
 * Issue 17's load figures, a benchmark and not a test (no timed assertions; Failsafe runs it only when
 * asked: {@code bench/security-load.sh}). On the packaged jar (H2, demo users) it prints:
 * <ul>
 *   <li>{@code bench.readers} (100) clients reading {@code GET /api/v1/projects} with an API token for
 *       {@code bench.seconds} (30) → requests/s, errors, p50/p95/max latency;</li>
 *   <li>the same with HTTP Basic (bcrypt once a minute per pair, not per request);</li>
 *   <li>the same with HTTP Basic while one client guesses another account's password as fast as it can;</li>
 *   <li>{@code bench.submissions} (50) experiments (NOOP steps) submitted at once → how many were
 *       accepted, how many finished, errors.</li>
 * </ul>
 */
class SecurityLoadBenchmark {

    private static final int READERS = Integer.getInteger("bench.readers", 100);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    private static final int SUBMISSIONS = Integer.getInteger("bench.submissions", 50);
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 10);

    @TempDir
    Path work;

    @Test
    void measure() throws Exception {
        List<String> report = new ArrayList<>();
        try (NodeProcess node = NodeProcess.start("bench-security", work, List.of("--spring.profiles.active=demo",
                "--spurlab.data-dir=" + work.resolve("data"), "--spurlab.demo.fashion-mnist-dir=" + work.resolve("none")))) {
            long[] pilot = Pilot.readyDataset(node, work);
            String token = node.api("lead", NodeProcess.DEMO_PASSWORD).post().uri("/api/v1/me/tokens")
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("label", "bench")).retrieve()
                    .body(JsonNode.class).get("token").asText();
            String base = "http://127.0.0.1:" + node.port;
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            String basic = "Basic " + Base64.getEncoder().encodeToString(("lead:" + NodeProcess.DEMO_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));

            // Warm-up (not reported): the JIT compiles the request path, pools fill, the token's use is recorded.
            readers("warm-up", http, base, "Bearer " + token, false, WARM_UP);
            readers("warm-up", http, base, basic, false, WARM_UP);
            report.add(readers("token", http, base, "Bearer " + token, false));
            report.add(readers("HTTP Basic", http, base, basic, false));
            report.add(readers("HTTP Basic + a guesser", http, base, basic, true));
            report.add(submissions(http, base, "Bearer " + token, pilot));
        }
        System.out.println("\n==== security load benchmark: packaged jar, H2, one node ====");
        report.forEach(System.out::println);
        System.out.println("==============================================================\n");
    }

    private static String readers(String name, HttpClient http, String base, String authorization, boolean guesser)
            throws Exception {
        return readers(name, http, base, authorization, guesser, SECONDS);
    }

    private static String readers(String name, HttpClient http, String base, String authorization, boolean guesser,
                                  int duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(READERS + 1);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger guesses = new AtomicInteger();
        AtomicInteger guessesChecked = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        HttpRequest read = HttpRequest.newBuilder(URI.create(base + "/api/v1/projects"))
                .header("Authorization", authorization).timeout(Duration.ofSeconds(30)).GET().build();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    try {
                        int status = http.send(read, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (java.io.IOException e) {
                        errors.incrementAndGet();
                    }
                    latencies.add((System.nanoTime() - t0) / 1_000_000);
                }
                return null;
            }));
        }
        if (guesser) {
            HttpRequest guess = HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "vendor:wrong-guess".getBytes(StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(30)).GET().build();
            futures.add(pool.submit(() -> {
                start.await();
                while (!stop.get()) {
                    int status = http.send(guess, HttpResponse.BodyHandlers.discarding()).statusCode();
                    guesses.incrementAndGet();
                    if (status == 401) {
                        guessesChecked.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        Thread.sleep(duration * 1000L);
        stop.set(true);
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdownNow();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        String line = String.format(Locale.ROOT, "%-24s %d readers, %d s: %d requests, %.0f req/s, %d errors, "
                        + "latency p50 %d ms, p95 %d ms, max %d ms", name, READERS, duration, sorted.size(),
                sorted.size() / seconds, errors.get(), percentile(sorted, 50), percentile(sorted, 95),
                sorted.get(sorted.size() - 1));
        return guesser ? line + String.format(Locale.ROOT, "; guesser: %d tries, %d checked by bcrypt (the rest "
                + "refused while throttled)", guesses.get(), guessesChecked.get()) : line;
    }

    private static String submissions(HttpClient http, String base, String authorization, long[] pilot)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SUBMISSIONS);
        CountDownLatch start = new CountDownLatch(1);
        String body = "{\"datasetVersionId\":" + pilot[1] + ",\"name\":\"load\",\"steps\":[{\"type\":\"NOOP\"}]}";
        HttpRequest plan = HttpRequest.newBuilder(URI.create(base + "/api/v1/projects/" + pilot[0] + "/experiments"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < SUBMISSIONS; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return http.send(plan, HttpResponse.BodyHandlers.ofString());
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        List<Long> ids = new ArrayList<>();
        int errors = 0;
        for (Future<HttpResponse<String>> f : futures) {
            HttpResponse<String> r = f.get();
            if (r.statusCode() == 201) {
                ids.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).get("id").asLong());
            } else {
                errors++;
            }
        }
        double accepted = (System.nanoTime() - t0) / 1e9;
        pool.shutdownNow();
        HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/api/v1/projects/" + pilot[0] + "/experiments"))
                .header("Authorization", authorization).GET().build();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        int finished = 0;
        while (System.nanoTime() < deadline) {
            JsonNode all = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(http.send(get, HttpResponse.BodyHandlers.ofString()).body());
            finished = 0;
            for (JsonNode e : all) {
                if (ids.contains(e.get("id").asLong()) && e.get("status").asText().equals("SUCCEEDED")) {
                    finished++;
                }
            }
            if (finished == ids.size()) {
                break;
            }
            Thread.sleep(500);
        }
        double done = (System.nanoTime() - t0) / 1e9;
        return String.format(Locale.ROOT, "%-24s %d at once: %d accepted (201) in %.1f s, %d errors, %d of them "
                + "SUCCEEDED after %.1f s", "experiment submissions", SUBMISSIONS, ids.size(), accepted, errors,
                finished, done);
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
