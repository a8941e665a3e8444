package com.spurlab.queue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The queue's benchmark, not a test (no timed assertions; Failsafe runs it only when asked:
 * {@code ./spurlab bench-queue}). On the packaged jar with its default configuration, first on H2
 * and then on PostgreSQL, it submits NOOP jobs (which do no work) through the HTTP API and prints:
 * <ul>
 *   <li>burst: {@code bench.jobs} jobs submitted at once by 8 clients → throughput in jobs/s;</li>
 *   <li>paced: {@code bench.jobs} jobs at {@code bench.rate} per second, at most half the burst's
 *       throughput (so slots are free) → dispatch latency queued → running, p50 / p95 / max.</li>
 * </ul>
 */
class QueueBenchmark {

    private static final int JOBS = Integer.getInteger("bench.jobs", 1000);
    private static final int RATE = Integer.getInteger("bench.rate", 20);
    private static final String DATABASES = System.getProperty("bench.databases", "h2,postgres");

    @TempDir
    Path work;

    @Test
    void measureOnH2AndPostgres() throws Exception {
        List<String> report = new ArrayList<>();
        List<String> noDemoData = List.of("--spurlab.demo.fashion-mnist-dir=" + work.resolve("none"));
        if (DATABASES.contains("h2")) {
            try (NodeProcess node = NodeProcess.start("bench-h2", work, with(noDemoData,
                    "--spring.profiles.active=demo", "--spurlab.data-dir=" + work.resolve("h2")))) {
                report.addAll(measure("H2", node));
            }
        }
        if (!DATABASES.contains("postgres")) {
            print(report);
            return;
        }
        try (LocalPostgres postgres = LocalPostgres.start();
             NodeProcess node = NodeProcess.start("bench-pg", work, with(noDemoData,
                     "--spring.profiles.active=postgres,demo", "--spurlab.data-dir=" + work.resolve("pg"),
                     "--spring.datasource.url=" + postgres.url("spurlab"), "--spring.datasource.username=postgres",
                     "--spring.datasource.password="))) {
            report.addAll(measure("PostgreSQL (clustered Quartz store)", node));
        }
        print(report);
    }

    private static void print(List<String> report) {
        System.out.println("\n==== queue benchmark: one node, default slots (CPU 2, GPU 1), Quartz threads 4 ====");
        report.forEach(System.out::println);
        System.out.println("================================================================================\n");
    }

    private List<String> measure(String database, NodeProcess node) throws Exception {
        long[] pilot = Pilot.readyDataset(node, work);
        String token = node.api("lead", NodeProcess.DEMO_PASSWORD).post().uri("/api/v1/me/tokens").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("label", "bench")).retrieve().body(JsonNode.class).get("token").asText();
        RestClient client = RestClient.builder().baseUrl("http://127.0.0.1:" + node.port)
                .defaultHeaders(h -> h.setBearerAuth(token)).build();

        // Burst: everything queued at once; throughput from the first submission to the last finish.
        long burstStart = System.nanoTime();
        Instant burstStartedAt = Instant.now();
        List<Long> burst = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        AtomicInteger left = new AtomicInteger(JOBS);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            futures.add(clients.submit(() -> {
                List<Long> mine = new ArrayList<>();
                while (left.getAndDecrement() > 0) {
                    mine.add(submit(client, pilot));
                }
                return mine;
            }));
        }
        for (Future<List<Long>> f : futures) {
            burst.addAll(f.get());
        }
        double submitted = (System.nanoTime() - burstStart) / 1e9;
        List<JsonNode> burstJobs = awaitAll(client, pilot[0], burst);
        Instant lastFinish = burstJobs.stream().map(j -> Instant.parse(j.get("finishedAt").asText()))
                .max(Instant::compareTo).orElseThrow();
        double burstSeconds = Duration.between(burstStartedAt, lastFinish).toMillis() / 1000.0;
        List<Long> handoffs = handoffs(burstJobs);

        // Paced: at most half the throughput just measured, so each job finds a free slot and the
        // latency is the queue's own, not a backlog's.
        double rate = Math.min(RATE, JOBS / burstSeconds / 2);
        List<Long> paced = new ArrayList<>();
        long pacedStart = System.nanoTime();
        for (int i = 0; i < JOBS; i++) {
            long due = pacedStart + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            paced.add(submit(client, pilot));
        }
        List<Long> latencies = awaitAll(client, pilot[0], paced).stream()
                .map(j -> Duration.between(Instant.parse(j.get("createdAt").asText()),
                        Instant.parse(j.get("startedAt").asText())).toMillis())
                .sorted().toList();
        clients.shutdownNow();
        return List.of(
                String.format(Locale.ROOT, "%-36s burst: %d jobs submitted in %.1f s, all finished after %.1f s "
                        + "-> throughput %.1f jobs/s", database, JOBS, submitted, burstSeconds, JOBS / burstSeconds),
                String.format(Locale.ROOT, "%-36s paced: %d jobs at %.1f/s -> dispatch latency queued->running "
                        + "p50 %d ms, p95 %d ms, max %d ms", database, JOBS, rate, percentile(latencies, 50),
                        percentile(latencies, 95), latencies.get(latencies.size() - 1)),
                String.format(Locale.ROOT, "%-36s burst: slot freed -> next queued job running "
                        + "p50 %d ms, p95 %d ms, max %d ms", database, percentile(handoffs, 50),
                        percentile(handoffs, 95), handoffs.get(handoffs.size() - 1)));
    }

    /**
     * In the burst every job after the first few waited for a slot: the k-th start beyond the slot
     * count (the most jobs seen running at once) follows the k-th finish (FIFO, one device kind). The
     * gap is how long a freed slot stayed idle before the next queued job was running.
     */
    private static List<Long> handoffs(List<JsonNode> jobs) {
        List<Instant> starts = jobs.stream().map(j -> Instant.parse(j.get("startedAt").asText())).sorted().toList();
        List<Instant> finishes = jobs.stream().map(j -> Instant.parse(j.get("finishedAt").asText())).sorted().toList();
        int slots = 0;
        int running = 0;
        int f = 0;
        for (Instant start : starts) {
            while (f < finishes.size() && !finishes.get(f).isAfter(start)) {
                f++;
                running--;
            }
            slots = Math.max(slots, ++running);
        }
        List<Long> gaps = new ArrayList<>();
        for (int k = 0; k + slots < starts.size(); k++) {
            gaps.add(Math.max(0, Duration.between(finishes.get(k), starts.get(k + slots)).toMillis()));
        }
        return gaps.stream().sorted().toList();
    }

    private static long submit(RestClient client, long[] pilot) {
        return client.post().uri("/api/v1/projects/{id}/experiments", pilot[0])
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("datasetVersionId", pilot[1], "name", "bench",
                        "steps", List.of(Map.of("type", "NOOP"))))
                .retrieve().body(JsonNode.class).get("id").asLong();
    }

    /**
     * Waits until the project's queue is empty (a cheap poll that barely loads the node), then reads
     * the experiments once and returns their (single) jobs, all of which must have succeeded.
     */
    private static List<JsonNode> awaitAll(RestClient client, long project, List<Long> experiments) {
        org.awaitility.Awaitility.await("benchmark jobs finished").atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> client.get().uri("/api/v1/projects/{id}/queue", project).retrieve().body(JsonNode.class)
                        .isEmpty());
        java.util.Set<Long> wanted = new java.util.HashSet<>(experiments);
        List<JsonNode> done = new ArrayList<>();
        for (JsonNode e : client.get().uri("/api/v1/projects/{id}/experiments", project).retrieve()
                .body(JsonNode.class)) {
            if (wanted.contains(e.get("id").asLong())) {
                if (!e.get("status").asText().equals("SUCCEEDED")) {
                    throw new IllegalStateException("benchmark job did not succeed: " + e);
                }
                done.add(e.get("jobs").get(0));
            }
        }
        if (done.size() != experiments.size()) {
            throw new IllegalStateException(done.size() + " of " + experiments.size() + " benchmark jobs found");
        }
        return done;
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }
}
