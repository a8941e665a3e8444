package com.spurlab.core.dataset;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Walks the entries of a zip, tar or tar.gz archive once, in the order they are stored, handing each
 * entry's stream to a visitor. Nothing is extracted to disk. The container is recognised by its magic
 * bytes, not by the uploaded file's name.
 */
final class ArchiveEntries {

    enum Kind { FILE, DIRECTORY, LINK, OTHER }

    /** One entry; {@code compressedSize} is -1 where the container does not say (tar). */
    record Entry(String name, Kind kind, long compressedSize) {
    }

    interface Visitor {
        /** Returns false to stop the walk (a fatal problem was found). */
        boolean visit(Entry entry, InputStream content) throws IOException;

        /** Share of the archive walked so far, 0..1. */
        default void progress(double done) {
        }
    }

    /** The file is not an archive SpurLab reads, or it is damaged. */
    static final class UnreadableArchiveException extends Exception {
        UnreadableArchiveException(String message) {
            super(message);
        }
    }

    private ArchiveEntries() {
    }

    /** "zip", "tar" or "tar.gz", from the first bytes of the file. */
    static String container(Path archive) throws IOException, UnreadableArchiveException {
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(archive)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5) && (head[3] == 4 || head[3] == 6)) {
            return "zip";
        }
        if (n >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            return "tar.gz";
        }
        if (n >= 262 && new String(head, 257, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("ustar")) {
            return "tar";
        }
        throw new UnreadableArchiveException("not a readable zip, tar or tar.gz archive (upload one of those)");
    }

    static void walk(Path archive, Visitor visitor) throws IOException, UnreadableArchiveException {
        String container = container(archive);
        try {
            if (container.equals("zip")) {
                walkZip(archive, visitor);
            } else {
                walkTar(archive, container.equals("tar.gz"), visitor);
            }
        } catch (IOException e) {
            // Reading the container or an entry's stream failed: a damaged, truncated or exotic archive.
            // Failures to write blobs are UncheckedIOExceptions and fail the job instead.
            throw new UnreadableArchiveException("not a readable " + container + " archive (damaged, truncated "
                    + "or unsupported): " + e.getMessage());
        }
    }

    private static void walkZip(Path archive, Visitor visitor) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntriesInPhysicalOrder());
            int done = 0;
            for (ZipArchiveEntry e : entries) {
                Kind kind = e.isUnixSymlink() ? Kind.LINK : e.isDirectory() ? Kind.DIRECTORY : Kind.FILE;
                Entry entry = new Entry(e.getName(), kind, e.getCompressedSize());
                if (kind == Kind.FILE && !zip.canReadEntryData(e)) {
                    throw new java.util.zip.ZipException("entry " + e.getName()
                            + " uses an unsupported compression method or encryption");
                }
                boolean go;
                if (kind == Kind.FILE) {
                    try (InputStream in = zip.getInputStream(e)) {
                        go = visitor.visit(entry, in);
                    }
                } else {
                    go = visitor.visit(entry, InputStream.nullInputStream());
                }
                visitor.progress((double) ++done / entries.size());
                if (!go) {
                    return;
                }
            }
        }
    }

    private static void walkTar(Path archive, boolean gzip, Visitor visitor) throws IOException {
        long size = Math.max(1, Files.size(archive));
        try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(archive));
             InputStream raw = new BufferedInputStream(counted, 64 * 1024);
             InputStream decompressed = gzip ? new GzipCompressorInputStream(raw, true) : raw;
             TarArchiveInputStream tar = new TarArchiveInputStream(decompressed)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                Kind kind = e.isSymbolicLink() || e.isLink() ? Kind.LINK
                        : e.isDirectory() ? Kind.DIRECTORY : e.isFile() ? Kind.FILE : Kind.OTHER;
                boolean go = visitor.visit(new Entry(e.getName(), kind, -1),
                        kind == Kind.FILE ? tar : InputStream.nullInputStream());
                visitor.progress(Math.min(1.0, (double) counted.count / size));
                if (!go) {
                    return;
                }
            }
        }
    }

    /** Counts the compressed bytes read, for progress. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
