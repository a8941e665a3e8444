package com.spurlab.core.dataset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Recognises which of the three layouts an archive uses and turns it into rows: a SpurLab manifest,
 * a WILDS/Waterbirds {@code metadata.csv}, or image folders {@code <split>/<label>/<file>}. A table may
 * sit at the root or inside one top-level folder (archives zipped from a folder).
 */
final class DatasetLayout {

    static final String MANIFEST = "spurlab-manifest";
    static final String WILDS = "wilds-metadata";
    static final String IMAGE_FOLDER = "image-folder";
    /** WILDS label names, one per line: line 1 names y = 0, line 2 y = 1, ... */
    static final String CLASSES_TXT = "classes.txt";
    /** WILDS label names as a table {@code y,name}. */
    static final String LABEL_NAMES_CSV = "label_names.csv";
    static final Set<String> SPLITS = Set.of("train", "val", "test");
    private static final Map<String, String> WILDS_SPLITS = Map.of("0", "train", "1", "val", "2", "test");
    private static final Set<String> MANIFEST_COLUMNS = Set.of("image", "label", "split", "caption", "mask");
    private static final Set<String> WILDS_COLUMNS = Set.of("img_id", "img_filename", "y", "split", "place",
            "place_filename");
    private static final Set<String> IMAGE_SUFFIXES = Set.of(".png", ".jpg", ".jpeg");

    /** One row as the layout states it; paths are archive paths (base folder applied). */
    record Row(String file, Integer line, String image, String mask, String label, String split, String caption,
               Map<String, String> attributes) {
    }

    /** The detected format and its syntactically valid rows; {@code rows} counts all rows, bad ones too. */
    record Rows(String format, int rows, List<Row> valid) {
    }

    private DatasetLayout() {
    }

    /** Returns null (with a fatal problem logged) when no layout is recognised or its table is unusable. */
    static Rows detect(Map<String, byte[]> tables, Collection<String> files, ProblemLog log) throws IOException {
        String manifest = table(tables, "manifest.csv");
        if (manifest != null) {
            return csv(MANIFEST, manifest, tables.get(manifest), log);
        }
        String metadata = table(tables, "metadata.csv");
        if (metadata != null) {
            Map<String, String> names = WildsLabelNames.read(tables, metadata.substring(0, metadata.lastIndexOf('/') + 1),
                    log);
            Rows rows = csv(WILDS, metadata, tables.get(metadata), log);
            return rows == null || names.isEmpty() ? rows : WildsLabelNames.apply(rows, names, log);
        }
        Rows folders = imageFolders(files, log);
        if (folders == null) {
            log.fatal("archive", "found no manifest.csv (SpurLab manifest), no metadata.csv (WILDS/Waterbirds) and "
                    + "no train|val|test/<label>/<image> folders; use one of these three layouts");
        }
        return folders;
    }

    private static String table(Map<String, byte[]> tables, String name) {
        if (tables.containsKey(name)) {
            return name;
        }
        return tables.keySet().stream().filter(t -> t.endsWith("/" + name)).sorted().findFirst().orElse(null);
    }

    private static Rows csv(String format, String table, byte[] bytes, ProblemLog log) throws IOException {
        String base = table.substring(0, table.lastIndexOf('/') + 1);
        String file = table.substring(base.length());
        List<Row> valid = new ArrayList<>();
        int rows = 0;
        try (Reader reader = new InputStreamReader(stripBom(new ByteArrayInputStream(bytes)),
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT));
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                     .setIgnoreEmptyLines(true).get().parse(reader)) {
            List<String> header = csv.getHeaderNames();
            boolean manifest = format.equals(MANIFEST);
            if (!(manifest ? checkManifestHeader(header, file, log) : checkWildsHeader(header, file, log))) {
                return null;
            }
            for (CSVRecord record : csv) {
                rows++;
                int line = (int) record.getRecordNumber() + 1;
                if (!record.isConsistent()) {
                    log.rowError(file, line, "columns", "row has " + record.size() + " columns, header has "
                            + header.size());
                    continue;
                }
                Row row = manifest ? manifestRow(base, file, line, record, log) : wildsRow(base, file, line, record, log);
                if (row != null) {
                    valid.add(row);
                }
            }
        } catch (IllegalArgumentException | java.io.UncheckedIOException | java.nio.charset.CharacterCodingException e) {
            log.fatal(file, file + " is not valid UTF-8 CSV (" + e.getMessage() + "); save it as UTF-8 with one "
                    + "header line and quote fields that contain commas");
            return null;
        }
        return new Rows(format, rows, valid);
    }

    private static Row manifestRow(String base, String file, int line, CSVRecord record, ProblemLog log) {
        String image = record.get("image");
        String label = record.get("label");
        String split = record.get("split").toLowerCase(Locale.ROOT);
        if (image.isEmpty() || label.isEmpty()) {
            log.rowError(file, line, "empty", "image and label must not be empty");
            return null;
        }
        if (!SPLITS.contains(split)) {
            log.rowError(file, line, "split", "split '" + split + "' is not one of train, val, test");
            return null;
        }
        Map<String, String> attributes = new TreeMap<>();
        for (String column : record.getParser().getHeaderNames()) {
            if (column.startsWith("attr:")) {
                String value = record.get(column);
                if (value.isEmpty()) {
                    log.rowError(file, line, "attr", "attribute " + column.substring(5) + " is empty");
                    return null;
                }
                attributes.put(column.substring(5), value);
            }
        }
        String mask = record.isMapped("mask") ? record.get("mask") : "";
        String caption = record.isMapped("caption") ? record.get("caption") : "";
        return new Row(file, line, join(base, image), mask.isEmpty() ? null : join(base, mask), label, split,
                caption.isEmpty() ? null : caption, attributes);
    }

    private static Row wildsRow(String base, String file, int line, CSVRecord record, ProblemLog log) {
        String image = record.get("img_filename");
        String label = record.get("y");
        String split = WILDS_SPLITS.get(record.get("split"));
        if (image.isEmpty() || label.isEmpty()) {
            log.rowError(file, line, "empty", "img_filename and y must not be empty");
            return null;
        }
        if (split == null) {
            log.rowError(file, line, "split", "split '" + record.get("split")
                    + "' is not 0 (train), 1 (val) or 2 (test)");
            return null;
        }
        Map<String, String> attributes = new TreeMap<>();
        if (record.isMapped("place")) {
            String place = record.get("place");
            if (place.isEmpty()) {
                log.rowError(file, line, "attr", "place is empty");
                return null;
            }
            attributes.put("place", place);
        }
        return new Row(file, line, join(base, image), null, label, split, null, attributes);
    }

    /** The table's folder plus the row's path; "./" segments are dropped (archive entry names have none). */
    private static String join(String base, String path) {
        return base + path.replaceAll("^(\\./)+", "").replace("/./", "/");
    }

    private static Rows imageFolders(Collection<String> files, ProblemLog log) {
        List<Row> valid = new ArrayList<>();
        for (String path : files.stream().sorted().toList()) {
            String[] parts = path.split("/");
            int split = parts.length - 3;
            String lower = path.toLowerCase(Locale.ROOT);
            boolean image = IMAGE_SUFFIXES.stream().anyMatch(lower::endsWith);
            if (image && (split == 0 || split == 1) && SPLITS.contains(parts[split].toLowerCase(Locale.ROOT))) {
                valid.add(new Row(path, null, path, null, parts[split + 1], parts[split].toLowerCase(Locale.ROOT),
                        null, Map.of()));
            } else {
                log.warn(path, null, "outside-layout", "files outside <split>/<label>/<image>.png|jpg are ignored");
            }
        }
        if (valid.isEmpty()) {
            return null;
        }
        return new Rows(IMAGE_FOLDER, valid.size(), valid);
    }

    private static boolean checkManifestHeader(List<String> header, String file, ProblemLog log) {
        if (!requireColumns(header, List.of("image", "label", "split"), file, log,
                "expected image,label,split[,caption][,mask][,attr:NAME...]")) {
            return false;
        }
        header.stream().filter(c -> !MANIFEST_COLUMNS.contains(c) && !c.startsWith("attr:"))
                .forEach(c -> log.warn(file, 1, "column:" + c, "unknown column '" + c + "' is ignored"));
        return true;
    }

    private static boolean checkWildsHeader(List<String> header, String file, ProblemLog log) {
        if (!requireColumns(header, List.of("img_filename", "y", "split"), file, log,
                "expected img_filename,y,split[,place] (WILDS/Waterbirds metadata.csv)")) {
            return false;
        }
        header.stream().filter(c -> !WILDS_COLUMNS.contains(c))
                .forEach(c -> log.warn(file, 1, "column:" + c, "unknown column '" + c + "' is ignored"));
        return true;
    }

    private static boolean requireColumns(List<String> header, List<String> required, String file, ProblemLog log,
                                          String expected) {
        List<String> missing = required.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            log.fatal(file, "header lacks column(s) " + missing + "; " + expected);
            return false;
        }
        return true;
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
}
