package com.spurlab.core.storage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, removes what a process killed mid-write left behind: staged uploads
 * ({@code uploads/incoming-*.part}), half-written blobs ({@code blobs/xx/*.tmp}) and the servlet
 * container's multipart buffers. Only files untouched since before this process started are taken, so
 * a write of this process is never hit; nodes sharing a data folder (clustered) keep each other's files
 * unless they are also an hour old, since a live write touches its file continuously.
 */
@Component
@Order(0)
public class StaleFileSweeper implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StaleFileSweeper.class);
    private static final Duration CLUSTER_GRACE = Duration.ofHours(1);

    private final StorageSettings storage;
    private final Clock clock;
    private final boolean clustered;

    StaleFileSweeper(StorageSettings storage, Clock clock,
                     @Value("${spring.quartz.properties.org.quartz.jobStore.isClustered:false}") boolean clustered) {
        this.storage = storage;
        this.clock = clock;
        this.clustered = clustered;
    }

    @Override
    public void run(ApplicationArguments args) {
        Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        Instant cutoff = clustered ? min(started, clock.instant().minus(CLUSTER_GRACE)) : started;
        int removed = sweep(cutoff);
        if (removed > 0) {
            log.info("removed {} files left by an interrupted upload or validation", removed);
        }
    }

    /** Removes the leftovers last modified before {@code cutoff}; returns how many. */
    public int sweep(Instant cutoff) {
        Predicate<Path> old = file -> modifiedBefore(file, cutoff);
        return remove(storage.uploads(), 1, name -> name.startsWith("incoming-") && name.endsWith(".part"), old)
                + remove(storage.blobs(), 2, name -> name.endsWith(".tmp"), old)
                + remove(storage.multipartTemp(), 1, name -> true, old);
    }

    private static int remove(Path folder, int depth, Predicate<String> name, Predicate<Path> old) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> files = Files.walk(folder, depth)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)
                    .filter(f -> name.test(f.getFileName().toString())).filter(old)::iterator) {
                if (Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("cannot sweep {}: {}", folder, e.getMessage());
        }
        return removed;
    }

    private static boolean modifiedBefore(Path file, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false;
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
