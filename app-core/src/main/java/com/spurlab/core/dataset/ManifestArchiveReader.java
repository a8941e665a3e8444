package com.spurlab.core.dataset;

import com.spurlab.core.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a SpurLab manifest zip ({@code manifest.csv}: image,label,split[,caption][,mask][,attr:NAME…})
 * in one pass: every referenced image is size-capped while read, checked, hashed and stored as a
 * blob. Nothing is ever extracted to a path named by the archive, so zip-slip cannot write anywhere.
 */
final class ManifestArchiveReader {

    static final String FORMAT = "spurlab-manifest";
    static final Set<String> SPLITS = Set.of("train", "val", "test");
    /** More bad rows than this share rejects the archive instead of excluding them. */
    static final double MAX_BAD_ROW_SHARE = 0.05;
    /** Uncompressed bytes read may not exceed this multiple of the archive's size (zip bombs). */
    static final long MAX_EXPANSION = 100;

    /** A row that passed every check. */
    record Accepted(String path, String imageHash, String maskHash, String label, String split, String caption,
                    Map<String, String> attributes, int width, int height) {
    }

    record Result(ValidationReport report, List<Accepted> samples, List<String> newBlobs) {
        boolean accepted() {
            return report.verdict().equals("READY");
        }
    }

    private final BlobStore blobs;
    private final long maxEntryBytes;
    private final ImageInspector images;

    ManifestArchiveReader(BlobStore blobs, long maxEntryBytes, long maxImagePixels) {
        this.blobs = blobs;
        this.maxEntryBytes = maxEntryBytes;
        this.images = new ImageInspector(maxImagePixels);
    }

    Result read(Path archive) throws IOException {
        ProblemLog log = new ProblemLog();
        List<Accepted> accepted = new ArrayList<>();
        List<String> newBlobs = new ArrayList<>();
        int rows = 0;
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ExpansionBudget budget = new ExpansionBudget(Math.max(Files.size(archive), 1) * MAX_EXPANSION);
            ZipEntry manifest = findManifest(zip);
            if (manifest == null) {
                log.fatal(archive.getFileName().toString(), "no manifest.csv at the archive's root");
                return result(log, 0, accepted, newBlobs);
            }
            String base = manifest.getName().substring(0, manifest.getName().length() - "manifest.csv".length());
            Map<String, String> hashSplit = new HashMap<>();
            try (Reader reader = new InputStreamReader(stripBom(zip.getInputStream(manifest)), StandardCharsets.UTF_8);
                 CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                         .setIgnoreEmptyLines(true).get().parse(reader)) {
                if (!checkHeader(csv.getHeaderNames(), log)) {
                    return result(log, 0, accepted, newBlobs);
                }
                for (CSVRecord record : csv) {
                    rows++;
                    Accepted row = readRow(zip, base, record, log, budget, hashSplit, newBlobs);
                    if (row != null) {
                        accepted.add(row);
                    }
                    if (budget.exceeded()) {
                        log.fatal("manifest.csv", "archive expands to more than " + MAX_EXPANSION
                                + "x its size (zip bomb?)");
                        break;
                    }
                }
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                log.fatal("manifest.csv", "manifest.csv is not valid CSV: " + e.getMessage());
            }
        } catch (java.util.zip.ZipException e) {
            log.fatal(archive.getFileName().toString(), "not a readable zip archive: " + e.getMessage());
        }
        return result(log, rows, accepted, newBlobs);
    }

    private Accepted readRow(ZipFile zip, String base, CSVRecord record, ProblemLog log, ExpansionBudget budget,
                             Map<String, String> hashSplit, List<String> newBlobs) throws IOException {
        int line = (int) record.getRecordNumber() + 1;
        if (!record.isConsistent()) {
            log.rowError("manifest.csv", line, "columns", "row has " + record.size() + " columns, header has "
                    + record.getParser().getHeaderNames().size());
            return null;
        }
        String image = record.get("image");
        String label = record.get("label");
        String split = record.get("split").toLowerCase(java.util.Locale.ROOT);
        if (image.isEmpty() || label.isEmpty()) {
            log.rowError("manifest.csv", line, "empty", "image and label must not be empty");
            return null;
        }
        if (!SPLITS.contains(split)) {
            log.rowError("manifest.csv", line, "split", "split '" + split + "' is not one of train, val, test");
            return null;
        }
        byte[] bytes = readEntry(zip, base, image, line, log, budget);
        if (bytes == null) {
            return null;
        }
        ImageInspector.Inspected inspected;
        try {
            inspected = images.inspect(bytes);
        } catch (ImageInspector.InvalidImageException e) {
            log.rowError(image, line, "image", e.getMessage());
            return null;
        }
        String hash = BlobStore.sha256(bytes);
        String seenIn = hashSplit.putIfAbsent(hash, split);
        if (seenIn != null) {
            if (!seenIn.equals(split)) {
                log.rowError(image, line, "leak", "same image is in both " + seenIn + " and " + split
                        + " (leakage between splits); the later row is excluded");
            } else {
                log.warn(image, line, "duplicate", "duplicate image within " + split + "; the later row is excluded");
            }
            return null;
        }
        String maskHash = null;
        String mask = record.isMapped("mask") ? record.get("mask") : "";
        if (!mask.isEmpty()) {
            maskHash = readMask(zip, base, mask, line, inspected, log, budget, newBlobs);
            if (maskHash == null) {
                return null;
            }
        }
        Map<String, String> attributes = new TreeMap<>();
        for (String column : record.getParser().getHeaderNames()) {
            if (column.startsWith("attr:")) {
                String value = record.get(column);
                if (value.isEmpty()) {
                    log.rowError("manifest.csv", line, "attr", "attribute " + column.substring(5) + " is empty");
                    return null;
                }
                attributes.put(column.substring(5), value);
            }
        }
        store(bytes, newBlobs);
        String caption = record.isMapped("caption") ? record.get("caption") : null;
        return new Accepted(image, hash, maskHash, label, split, caption == null || caption.isEmpty() ? null : caption,
                attributes, inspected.width(), inspected.height());
    }

    private String readMask(ZipFile zip, String base, String mask, int line, ImageInspector.Inspected image,
                            ProblemLog log, ExpansionBudget budget, List<String> newBlobs) throws IOException {
        byte[] bytes = readEntry(zip, base, mask, line, log, budget);
        if (bytes == null) {
            return null;
        }
        try {
            ImageInspector.Inspected inspected = images.inspect(bytes);
            if (inspected.width() != image.width() || inspected.height() != image.height()) {
                log.rowError(mask, line, "mask-size", "mask is " + inspected.width() + "x" + inspected.height()
                        + " but its image is " + image.width() + "x" + image.height());
                return null;
            }
            if (inspected.bands() != 1) {
                log.rowError(mask, line, "mask-channels", "mask has " + inspected.bands()
                        + " channels; use a single-channel (grey) PNG");
                return null;
            }
        } catch (ImageInspector.InvalidImageException e) {
            log.rowError(mask, line, "mask", "mask: " + e.getMessage());
            return null;
        }
        return store(bytes, newBlobs);
    }

    private byte[] readEntry(ZipFile zip, String base, String path, int line, ProblemLog log, ExpansionBudget budget)
            throws IOException {
        if (path.startsWith("/") || path.contains("\\") || path.matches("^[A-Za-z]:.*")
                || List.of(path.split("/")).contains("..")) {
            log.rowError(path, line, "path", "path must be relative to the archive root without '..'");
            return null;
        }
        ZipEntry entry = zip.getEntry(base + path);
        if (entry == null || entry.isDirectory()) {
            log.rowError(path, line, "missing", "file is not in the archive");
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) Math.min(maxEntryBytes + 1, Integer.MAX_VALUE - 8));
            budget.spend(bytes.length);
            if (bytes.length > maxEntryBytes) {
                log.rowError(path, line, "oversize", "file is larger than " + maxEntryBytes + " bytes");
                return null;
            }
            return bytes;
        }
    }

    private String store(byte[] bytes, List<String> newBlobs) {
        boolean existed = Files.exists(blobs.path(BlobStore.sha256(bytes)));
        String hash = blobs.put(bytes);
        if (!existed) {
            newBlobs.add(hash);
        }
        return hash;
    }

    private static boolean checkHeader(List<String> header, ProblemLog log) {
        List<String> missing = new ArrayList<>();
        for (String required : List.of("image", "label", "split")) {
            if (!header.contains(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            log.fatal("manifest.csv", "header lacks column(s) " + missing
                    + "; expected image,label,split[,caption][,mask][,attr:NAME...]");
            return false;
        }
        for (String column : header) {
            if (!Set.of("image", "label", "split", "caption", "mask").contains(column) && !column.startsWith("attr:")) {
                log.warn("manifest.csv", 1, "column:" + column, "unknown column '" + column + "' is ignored");
            }
        }
        return true;
    }

    private static ZipEntry findManifest(ZipFile zip) {
        ZipEntry root = zip.getEntry("manifest.csv");
        if (root != null) {
            return root;
        }
        // Archives zipped from a folder hold everything under one top-level directory.
        return zip.stream().filter(e -> e.getName().matches("[^/]+/manifest\\.csv")).findFirst().orElse(null);
    }

    private static InputStream stripBom(InputStream in) throws IOException {
        var buffered = new java.io.BufferedInputStream(in);
        buffered.mark(3);
        byte[] head = buffered.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            buffered.reset();
        }
        return buffered;
    }

    private Result result(ProblemLog log, int rows, List<Accepted> accepted, List<String> newBlobs) {
        checkWhole(log, rows, accepted);
        boolean ok = !log.isFatal();
        var report = new ValidationReport(FORMAT, rows, ok ? accepted.size() : 0, ok ? "READY" : "REJECTED",
                log.problems());
        return new Result(report, ok ? accepted : List.of(), newBlobs);
    }

    private static void checkWhole(ProblemLog log, int rows, List<Accepted> accepted) {
        if (log.isFatal()) {
            return;
        }
        int bad = rows - accepted.size();
        if (rows == 0) {
            log.fatal("manifest.csv", "manifest.csv has no rows");
            return;
        }
        if (bad > rows * MAX_BAD_ROW_SHARE) {
            log.fatal("manifest.csv", bad + " of " + rows + " rows are unusable (more than "
                    + Math.round(MAX_BAD_ROW_SHARE * 100) + "%); fix them and upload again");
            return;
        }
        Map<String, Map<String, Integer>> labelsPerSplit = new LinkedHashMap<>();
        for (Accepted a : accepted) {
            labelsPerSplit.computeIfAbsent(a.split(), s -> new TreeMap<>()).merge(a.label(), 1, Integer::sum);
        }
        for (String split : List.of("train", "test")) {
            if (!labelsPerSplit.containsKey(split)) {
                log.fatal("manifest.csv", "split '" + split + "' has no usable rows");
            }
        }
        Map<String, Integer> train = labelsPerSplit.getOrDefault("train", Map.of());
        if (train.size() < 2 && !log.isFatal()) {
            log.fatal("manifest.csv", "the train split needs at least 2 labels, it has " + train.keySet());
        }
        labelsPerSplit.forEach((split, labels) -> labels.keySet().stream().filter(l -> !train.containsKey(l))
                .forEach(l -> log.fatal("manifest.csv", "label '" + l + "' appears in " + split
                        + " but never in train")));
    }

    /** Total decompressed bytes allowed for one archive. */
    private static final class ExpansionBudget {
        private final long limit;
        private long spent;

        ExpansionBudget(long limit) {
            this.limit = limit;
        }

        void spend(long bytes) {
            spent += bytes;
        }

        boolean exceeded() {
            return spent > limit;
        }
    }
}
