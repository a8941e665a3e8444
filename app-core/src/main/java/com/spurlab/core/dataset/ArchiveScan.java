package com.spurlab.core.dataset;

import com.spurlab.core.storage.BlobStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;

/**
 * The one pass over an archive: every regular file is read (size-capped while it streams), checked as
 * an image, hashed and stored as a blob; the CSV tables are kept. Decoding runs on a few threads while
 * the next entries are read, with a bounded number in flight so the heap stays small whatever the
 * archive's size. Archives built to attack (unsafe paths, links, bombs) stop the pass as fatal.
 */
final class ArchiveScan {

    /** Uncompressed bytes may not exceed this multiple of the archive's size (zip bombs). */
    static final long MAX_EXPANSION = 100;
    /** One entry may not expand more than this (a zip bomb hides in one entry)… */
    static final long MAX_ENTRY_RATIO = 200;
    /** …once it has produced this many bytes (small files compress well for honest reasons). */
    static final long RATIO_GRACE_BYTES = 1 << 20;
    /** Small text files read whole: the layouts' tables and WILDS' optional names of its {@code y} labels. */
    static final Set<String> TABLES = Set.of("manifest.csv", "metadata.csv", DatasetLayout.CLASSES_TXT,
            DatasetLayout.LABEL_NAMES_CSV);
    /** A table is held in memory while rows are joined to files: large enough for millions of rows. */
    static final long MAX_TABLE_BYTES = 256L << 20;

    /** What the pass learned about one file: its blob and perceptual hash, or why it is not a usable image. */
    record FileFacts(String hash, int width, int height, int bands, PerceptualHash look, String problem) {
    }

    /** The pass's result; {@code newBlobs} were stored by it (no one else held them before). */
    record Scanned(String container, Map<String, FileFacts> files, Map<String, byte[]> tables,
                   Set<String> newBlobs) {
    }

    private final BlobStore blobs;
    private final ImageInspector images;
    private final long maxEntryBytes;
    private final long maxTotalBytes;
    private final int threads;

    ArchiveScan(BlobStore blobs, ImageInspector images, long maxEntryBytes, long maxTotalBytes, int threads) {
        this.blobs = blobs;
        this.images = images;
        this.maxEntryBytes = maxEntryBytes;
        this.maxTotalBytes = maxTotalBytes;
        this.threads = Math.max(1, threads);
    }

    /** Returns null when the archive is refused; the reasons are in the log (blobs already stored are listed). */
    Scanned scan(Path archive, ProblemLog log, Set<String> newBlobs, DoubleConsumer progress) throws IOException {
        Map<String, FileFacts> files = new ConcurrentHashMap<>();
        Map<String, byte[]> tables = new ConcurrentHashMap<>();
        long budget = Math.min(maxTotalBytes, Math.max(Files.size(archive), 1) * MAX_EXPANSION);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "dataset-scan");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(threads * 4);
        var failure = new java.util.concurrent.atomic.AtomicReference<RuntimeException>();
        String container;
        try {
            container = ArchiveEntries.container(archive);
            var visitor = new Visitor(log, files, tables, newBlobs, budget, pool, inFlight, progress, failure);
            ArchiveEntries.walk(archive, visitor);
        } catch (ArchiveEntries.UnreadableArchiveException e) {
            log.fatal(archive.getFileName().toString(), e.getMessage());
            return null;
        } finally {
            pool.shutdown();
            awaitQuietly(pool);
        }
        if (failure.get() != null) {
            // Storing a blob failed (disk full, permissions): the job fails and says why; not the archive's fault.
            throw failure.get();
        }
        return log.isFatal() ? null : new Scanned(container, files, tables, newBlobs);
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Names that would point outside the version's folder if anyone ever extracted them. */
    static boolean unsafeName(String name) {
        return name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0
                || name.matches("^[A-Za-z]:.*") || java.util.List.of(name.split("/")).contains("..");
    }

    private final class Visitor implements ArchiveEntries.Visitor {
        private final ProblemLog log;
        private final Map<String, FileFacts> files;
        private final Map<String, byte[]> tables;
        private final Set<String> newBlobs;
        private final long budget;
        private final ExecutorService pool;
        private final Semaphore inFlight;
        private final DoubleConsumer progress;
        private final java.util.concurrent.atomic.AtomicReference<RuntimeException> failure;
        private long spent;

        Visitor(ProblemLog log, Map<String, FileFacts> files, Map<String, byte[]> tables, Set<String> newBlobs,
                long budget, ExecutorService pool, Semaphore inFlight, DoubleConsumer progress,
                java.util.concurrent.atomic.AtomicReference<RuntimeException> failure) {
            this.log = log;
            this.files = files;
            this.tables = tables;
            this.newBlobs = newBlobs;
            this.budget = budget;
            this.pool = pool;
            this.inFlight = inFlight;
            this.progress = progress;
            this.failure = failure;
        }

        @Override
        public boolean visit(ArchiveEntries.Entry entry, InputStream content) throws IOException {
            String name = entry.name().startsWith("./") ? entry.name().substring(2) : entry.name();
            if (unsafeName(name)) {
                log.fatal(name, "entry '" + name + "' has an absolute or '..' path; such archives are refused "
                        + "(zip-slip); rebuild it with paths relative to its root");
                return false;
            }
            switch (entry.kind()) {
                case LINK -> {
                    log.fatal(name, "entry '" + name + "' is a symbolic or hard link; links are refused, put the "
                            + "file itself into the archive");
                    return false;
                }
                case DIRECTORY -> {
                    return true;
                }
                case OTHER -> {
                    log.fatal(name, "entry '" + name + "' is a device, pipe or other special file; only regular "
                            + "files are accepted");
                    return false;
                }
                default -> {
                }
            }
            String base = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            boolean table = TABLES.contains(base) && name.split("/").length <= 2;
            byte[] bytes = read(name, entry.compressedSize(), content, table ? MAX_TABLE_BYTES : maxEntryBytes);
            if (log.isFatal() || failure.get() != null) {
                return false;
            }
            if (table) {
                if (bytes == null) {
                    log.fatal(name, base + " is larger than " + MAX_TABLE_BYTES + " bytes");
                    return false;
                }
                tables.putIfAbsent(name, bytes);
                return true;
            }
            if (files.putIfAbsent(name, new FileFacts(null, 0, 0, 0, null, "entry is being read")) != null) {
                log.warn(name, null, "twice", "the archive holds this path more than once; the first is used");
                return true;
            }
            if (bytes == null) {
                files.put(name, new FileFacts(null, 0, 0, 0, null, "file is larger than " + maxEntryBytes + " bytes"));
                return true;
            }
            inspectLater(name, bytes);
            return true;
        }

        @Override
        public void progress(double done) {
            progress.accept(done);
        }

        private void inspectLater(String name, byte[] bytes) throws IOException {
            try {
                inFlight.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("validation interrupted");
            }
            pool.execute(() -> {
                try {
                    files.put(name, inspect(bytes));
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    inFlight.release();
                }
            });
        }

        private FileFacts inspect(byte[] bytes) {
            ImageInspector.Inspected inspected;
            try {
                inspected = images.inspect(bytes);
            } catch (ImageInspector.InvalidImageException e) {
                return new FileFacts(null, 0, 0, 0, null, e.getMessage());
            }
            String hash = BlobStore.sha256(bytes);
            if (blobs.putIfAbsent(hash, bytes)) {
                newBlobs.add(hash);
            }
            return new FileFacts(hash, inspected.width(), inspected.height(), inspected.bands(), inspected.look(), null);
        }

        /** The entry's bytes, or null when it exceeds the per-file cap; a bomb is logged fatal. */
        private byte[] read(String name, long compressedSize, InputStream content, long cap) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            for (int n; (n = content.read(buffer)) > 0; ) {
                size += n;
                spent += n;
                if (spent > budget) {
                    log.fatal(name, "the archive expands to more than " + budget + " bytes (" + MAX_EXPANSION
                            + "x its size or the installation's cap): refused as a zip bomb");
                    return null;
                }
                if (compressedSize > 0 && size > RATIO_GRACE_BYTES && size / compressedSize > MAX_ENTRY_RATIO) {
                    log.fatal(name, "entry '" + name + "' expands more than " + MAX_ENTRY_RATIO
                            + "x its compressed size: refused as a zip bomb");
                    return null;
                }
                if (size > cap) {
                    drain(name, compressedSize, content, size);
                    return null;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }

        /** Reads past an oversized entry (tar is a stream), still counting toward the bomb caps. */
        private void drain(String name, long compressedSize, InputStream content, long size) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = content.read(buffer)) > 0; ) {
                size += n;
                spent += n;
                if (spent > budget || (compressedSize > 0 && size / compressedSize > MAX_ENTRY_RATIO)) {
                    log.fatal(name, "entry '" + name + "' expands beyond the archive's caps: refused as a zip bomb");
                    return;
                }
            }
        }
    }
}
