package com.spurlab.core.dataset;

import com.spurlab.core.storage.BlobStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleConsumer;

/**
 * Reads a dataset archive (zip, tar or tar.gz; SpurLab manifest, WILDS metadata or image folders) in
 * one streaming pass, then checks every row against what the pass found: the image decodes, its mask
 * fits, it is no duplicate and does not leak between splits, neither byte for byte (the row is excluded)
 * nor as a re-encoded or resized copy (reported as a near-duplicate). A few bad rows are excluded with a
 * warning; a bad archive is rejected whole. Nothing is ever extracted to a path named by the archive.
 */
final class DatasetArchiveReader {

    /** More bad rows than this share rejects the archive instead of excluding them. */
    static final double MAX_BAD_ROW_SHARE = 0.05;

    /** A row that passed every check. */
    record Accepted(String path, String imageHash, String maskHash, String label, String split, String caption,
                    Map<String, String> attributes, int width, int height) {
    }

    /** {@code newBlobs}: blobs this read stored that did not exist before (the ones to remove if unused). */
    record Result(ValidationReport report, List<Accepted> samples, List<String> newBlobs) {
        boolean accepted() {
            return report.verdict().equals("READY");
        }
    }

    private final ArchiveScan scan;

    DatasetArchiveReader(BlobStore blobs, long maxEntryBytes, long maxImagePixels) {
        this(blobs, maxEntryBytes, maxImagePixels, Long.MAX_VALUE, Runtime.getRuntime().availableProcessors());
    }

    DatasetArchiveReader(BlobStore blobs, long maxEntryBytes, long maxImagePixels, long maxTotalBytes, int threads) {
        this.scan = new ArchiveScan(blobs, new ImageInspector(maxImagePixels), maxEntryBytes, maxTotalBytes, threads);
    }

    Result read(Path archive) throws IOException {
        return read(archive, done -> { });
    }

    Result read(Path archive, DoubleConsumer progress) throws IOException {
        return read(archive, progress, ConcurrentHashMap.newKeySet());
    }

    /**
     * {@code newBlobs} (a concurrent set) collects the blobs this read stores, so that a caller can give
     * them back even when the read fails with an exception.
     */
    Result read(Path archive, DoubleConsumer progress, Set<String> newBlobs) throws IOException {
        ProblemLog log = new ProblemLog();
        ArchiveScan.Scanned scanned = scan.scan(archive, log, newBlobs, progress);
        if (scanned == null) {
            return result(log, null, null, 0, List.of(), newBlobs, List.of());
        }
        DatasetLayout.Rows rows = DatasetLayout.detect(scanned.tables(), scanned.files().keySet(), log);
        if (rows == null) {
            return result(log, null, scanned.container(), 0, List.of(), newBlobs, List.of());
        }
        List<Accepted> accepted = new ArrayList<>();
        Map<String, String> hashSplit = new HashMap<>();
        for (DatasetLayout.Row row : rows.valid()) {
            Accepted a = check(row, scanned.files(), hashSplit, log);
            if (a != null) {
                accepted.add(a);
            }
        }
        List<ValidationReport.NearDuplicate> near = NearDuplicates.across(accepted.stream()
                .map(a -> new NearDuplicates.Look(a, scanned.files().get(a.path()).look())).toList());
        for (ValidationReport.NearDuplicate pair : near) {
            log.warn(pair.lookalike(), null, "near-duplicate", "looks like " + pair.image() + " of " + pair.split()
                    + " (perceptual hash " + pair.distance() + " of " + PerceptualHash.BITS + " bits apart): a"
                    + " re-encoded or resized copy in " + pair.lookalikeSplit() + " leaks between splits; remove one");
        }
        return result(log, rows.format(), scanned.container(), rows.rows(), accepted, newBlobs,
                near.subList(0, Math.min(near.size(), NearDuplicates.LISTED)));
    }

    private static Accepted check(DatasetLayout.Row row, Map<String, ArchiveScan.FileFacts> files,
                                  Map<String, String> hashSplit, ProblemLog log) {
        if (!SampleFieldLimits.fits(row, log)) {
            return null;
        }
        ArchiveScan.FileFacts image = file(row.image(), row, files, log, "");
        if (image == null) {
            return null;
        }
        String seenIn = hashSplit.putIfAbsent(image.hash(), row.split());
        if (seenIn != null) {
            if (!seenIn.equals(row.split())) {
                log.rowError(row.image(), row.line(), "leak", "same image is in both " + seenIn + " and "
                        + row.split() + " (leakage between splits); the later row is excluded");
            } else {
                log.warn(row.image(), row.line(), "duplicate", "duplicate image within " + row.split()
                        + "; the later row is excluded");
            }
            return null;
        }
        String maskHash = null;
        if (row.mask() != null) {
            ArchiveScan.FileFacts mask = file(row.mask(), row, files, log, "mask: ");
            if (mask == null) {
                return null;
            }
            if (mask.width() != image.width() || mask.height() != image.height()) {
                log.rowError(row.mask(), row.line(), "mask-size", "mask is " + mask.width() + "x" + mask.height()
                        + " but its image is " + image.width() + "x" + image.height());
                return null;
            }
            if (mask.bands() != 1) {
                log.rowError(row.mask(), row.line(), "mask-channels", "mask has " + mask.bands()
                        + " channels; use a single-channel (grey) PNG");
                return null;
            }
            maskHash = mask.hash();
        }
        return new Accepted(row.image(), image.hash(), maskHash, row.label(), row.split(), row.caption(),
                row.attributes(), image.width(), image.height());
    }

    private static ArchiveScan.FileFacts file(String path, DatasetLayout.Row row,
                                              Map<String, ArchiveScan.FileFacts> files, ProblemLog log, String what) {
        if (ArchiveScan.unsafeName(path)) {
            log.rowError(path, row.line(), "path", what + "path must use '/' and be relative to the archive root without '..'");
            return null;
        }
        ArchiveScan.FileFacts facts = files.get(path);
        if (facts == null) {
            log.rowError(path, row.line(), what + "missing", what + "file is not in the archive");
            return null;
        }
        if (facts.problem() != null) {
            log.rowError(path, row.line(), what + "image:" + facts.problem().replaceAll("[0-9x]+", "#"),
                    what + facts.problem());
            return null;
        }
        return facts;
    }

    private static Result result(ProblemLog log, String format, String container, int rows, List<Accepted> accepted,
                                 Set<String> newBlobs, List<ValidationReport.NearDuplicate> nearDuplicates) {
        checkWhole(log, format == null ? "archive" : format, rows, accepted);
        boolean ok = !log.isFatal();
        var report = new ValidationReport(format, container, rows, ok ? accepted.size() : 0,
                ok ? "READY" : "REJECTED", log.problems(), nearDuplicates);
        return new Result(report, ok ? accepted : List.of(), new ArrayList<>(newBlobs));
    }

    private static void checkWhole(ProblemLog log, String file, int rows, List<Accepted> accepted) {
        if (log.isFatal()) {
            return;
        }
        int bad = rows - accepted.size();
        if (rows == 0) {
            log.fatal(file, "the dataset has no rows");
            return;
        }
        if (bad > rows * MAX_BAD_ROW_SHARE) {
            log.fatal(file, bad + " of " + rows + " rows are unusable (more than "
                    + Math.round(MAX_BAD_ROW_SHARE * 100) + "%); fix them and upload again");
            return;
        }
        Map<String, Map<String, Integer>> labelsPerSplit = new LinkedHashMap<>();
        for (Accepted a : accepted) {
            labelsPerSplit.computeIfAbsent(a.split(), s -> new TreeMap<>()).merge(a.label(), 1, Integer::sum);
        }
        for (String split : List.of("train", "test")) {
            if (!labelsPerSplit.containsKey(split)) {
                log.fatal(file, "split '" + split + "' has no usable rows");
            }
        }
        Map<String, Integer> train = labelsPerSplit.getOrDefault("train", Map.of());
        if (train.size() < 2 && !log.isFatal()) {
            log.fatal(file, "the train split needs at least 2 labels, it has " + train.keySet());
        }
        labelsPerSplit.forEach((split, labels) -> labels.keySet().stream().filter(l -> !train.containsKey(l))
                .forEach(l -> log.fatal(file, "label '" + l + "' appears in " + split + " but never in train")));
        if (!log.isFatal()) {
            warnEmptyGroups(log, file, accepted, labelsPerSplit.keySet());
        }
    }

    /** A label × attribute value group present in one split but absent from another cannot be evaluated there. */
    private static void warnEmptyGroups(ProblemLog log, String file, List<Accepted> accepted, Set<String> splits) {
        Map<String, Map<String, Integer>> groups = new TreeMap<>();
        for (Accepted a : accepted) {
            a.attributes().forEach((attribute, value) -> groups
                    .computeIfAbsent(a.label() + ", " + attribute + "=" + value, g -> new TreeMap<>())
                    .merge(a.split(), 1, Integer::sum));
        }
        groups.forEach((group, perSplit) -> new TreeSet<>(splits).stream().filter(s -> !perSplit.containsKey(s))
                .forEach(s -> log.warn(file, null, "empty-group:" + group + ":" + s, "group (" + group
                        + ") has no samples in " + s + "; its accuracy cannot be measured there")));
    }
}
