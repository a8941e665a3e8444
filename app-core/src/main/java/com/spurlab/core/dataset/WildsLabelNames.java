package com.spurlab.core.dataset;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Names for a WILDS/Waterbirds archive's numeric labels ({@code y}), from an optional file beside its
 * {@code metadata.csv}: {@code classes.txt} (one name per line, the first names y = 0) or
 * {@code label_names.csv} ({@code y,name}). Without one, labels stay "0", "1", ...
 */
final class WildsLabelNames {

    private WildsLabelNames() {
    }

    /** y → name; empty when the archive has no names file. */
    static Map<String, String> read(Map<String, byte[]> tables, String base, ProblemLog log) {
        byte[] csv = tables.get(base + DatasetLayout.LABEL_NAMES_CSV);
        byte[] txt = tables.get(base + DatasetLayout.CLASSES_TXT);
        Map<String, String> names = new LinkedHashMap<>();
        if (csv != null) {
            String file = base + DatasetLayout.LABEL_NAMES_CSV;
            try {
                for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                        .setIgnoreEmptyLines(true).get().parse(new StringReader(text(csv)))) {
                    if (!r.isMapped("y") || !r.isMapped("name") || !r.isSet("y") || !r.isSet("name")
                            || r.get("name").isEmpty()) {
                        log.warn(file, (int) r.getRecordNumber() + 1, "label-names", "label_names.csv needs the "
                                + "columns y,name with a name on every row; this row is ignored");
                        continue;
                    }
                    names.put(r.get("y"), r.get("name"));
                }
            } catch (IOException | IllegalArgumentException e) {
                log.warn(file, null, "label-names", "label_names.csv is not a y,name CSV table (" + e.getMessage()
                        + "); labels keep their numbers");
            }
        } else if (txt != null) {
            String[] lines = text(txt).split("\\R");
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    names.put(String.valueOf(i), lines[i].strip());
                }
            }
        }
        return names;
    }

    /** The rows with their labels named; a y without a name keeps its number and is reported once. */
    static DatasetLayout.Rows apply(DatasetLayout.Rows rows, Map<String, String> names, ProblemLog log) {
        TreeSet<String> unnamed = new TreeSet<>();
        List<DatasetLayout.Row> named = new ArrayList<>(rows.valid().size());
        for (DatasetLayout.Row r : rows.valid()) {
            String name = names.get(r.label());
            if (name == null) {
                unnamed.add(r.label());
            }
            named.add(new DatasetLayout.Row(r.file(), r.line(), r.image(), r.mask(), name == null ? r.label() : name,
                    r.split(), r.caption(), r.attributes()));
        }
        if (!unnamed.isEmpty()) {
            log.warn(rows.valid().isEmpty() ? "metadata.csv" : rows.valid().get(0).file(), null, "unnamed-labels",
                    "labels " + unnamed + " have no name in the names file; they keep their numbers");
        }
        return new DatasetLayout.Rows(rows.format(), rows.rows(), named);
    }

    private static String text(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
