package com.spurlab.queue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server from Debian's {@code postgresql} package ({@code ./spurlab test}
 * installs it): initdb in a temporary folder, started on a random loopback port, run as the
 * {@code postgres} user when the tests run as root (PostgreSQL refuses root), removed afterwards.
 */
final class LocalPostgres implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    final int port;

    private LocalPostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    static LocalPostgres start() throws IOException, InterruptedException, SQLException {
        Path bin = binaries();
        Path dir = Files.createTempDirectory("spurlab-pg-");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        LocalPostgres postgres = new LocalPostgres(bin, dir, port);
        if (isRoot()) {
            run(List.of("chown", "postgres:postgres", dir.toString()));
        }
        postgres.asOwner("initdb", "-D", dir.resolve("data").toString(), "-U", "postgres", "--auth=trust",
                "-E", "UTF8", "--no-sync");
        postgres.asOwner("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off "
                        + "-c max_connections=60", "start");
        try (Connection c = DriverManager.getConnection(postgres.url("postgres"), "postgres", "")) {
            c.createStatement().execute("CREATE DATABASE spurlab");
        }
        return postgres;
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url("spurlab"), "postgres", "");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            asOwner("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void asOwner(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("PostgreSQL is not installed: apt-get install postgresql "
                    + "(./spurlab test installs it)");
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("no initdb under " + root));
        }
    }
}
