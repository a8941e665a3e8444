package com.spurlab.queue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * One SpurLab node as its own operating-system process — the packaged jar, as operators run it — on
 * a random loopback port; killable with SIGKILL to prove that the queue survives it.
 */
final class NodeProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "spurlab.jar");
    /** The demo users' password on nodes started with the demo profile (it is generated when not given). */
    static final String DEMO_PASSWORD = "node-test-demo-password";

    private final Process process;
    private final Path logFile;
    final int port;
    final String name;

    private NodeProcess(String name, Process process, Path logFile, int port) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.port = port;
    }

    /** Starts the jar with these Spring arguments and waits until it reports healthy. */
    static NodeProcess start(String name, Path workDir, List<String> arguments) throws IOException {
        int port = freePort();
        Path log = workDir.resolve(name + "-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx768m", "-XX:TieredStopAtLevel=1",
                "-Dai.djl.offline=true", "-DENGINE_CACHE_DIR=" + System.getProperty("user.home") + "/.djl.ai",
                "-jar", JAR.toAbsolutePath().toString(), "--server.port=" + port, "--server.address=127.0.0.1",
                "--spurlab.queue.noop-steps=true",
                "--logging.level.root=WARN", "--logging.level.com.spurlab=INFO"));
        if (arguments.stream().noneMatch(a -> a.startsWith("--spurlab.demo.password="))) {
            command.add("--spurlab.demo.password=" + DEMO_PASSWORD);
        }
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        NodeProcess node = new NodeProcess(name, process, log, port);
        node.awaitHealthy(Duration.ofMinutes(3));
        return node;
    }

    /** kill -9: no shutdown hook, no chance to tidy up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean alive() {
        return process.isAlive();
    }

    RestClient api(String username, String password) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeaders(h -> h.setBasicAuth(username, password))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    ResponseEntity<JsonNode> get(String path) {
        return api("lead", DEMO_PASSWORD).get().uri(path).retrieve().toEntity(JsonNode.class);
    }

    ResponseEntity<JsonNode> post(String path, Map<String, ?> body) {
        return api("lead", DEMO_PASSWORD).post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class);
    }

    String log() {
        try {
            return Files.readString(logFile);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private void awaitHealthy(Duration timeout) {
        RestClient client = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        try {
            // A connection refused while the node starts is "not yet"; a node that exited ends the wait at once.
            Awaitility.await("node " + name + " healthy").atMost(timeout).pollInterval(Duration.ofMillis(300))
                    .ignoreExceptionsInstanceOf(org.springframework.web.client.ResourceAccessException.class)
                    .failFast("node " + name + " exited while starting", () -> !process.isAlive())
                    .until(() -> client.get().uri("/actuator/health").retrieve().body(JsonNode.class),
                            health -> health != null && "UP".equals(health.path("status").asText()));
        } catch (org.awaitility.core.ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            throw new IllegalStateException(e.getMessage() + ":\n" + tail(), e);
        }
    }

    String tail() {
        String all = log();
        return all.length() <= 6000 ? all : all.substring(all.length() - 6000);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
