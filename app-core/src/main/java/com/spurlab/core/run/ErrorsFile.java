package com.spurlab.core.run;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads an evaluation's {@code errors-<split>.csv} ({@code sample_id,label,predicted,confidence,group}). */
final class ErrorsFile {

    private ErrorsFile() {
    }

    static List<PredictionError> read(Path file, int limit) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<PredictionError> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                if (out.size() >= Math.max(0, limit)) {
                    break;
                }
                String group = r.get("group");
                out.add(new PredictionError(Long.parseLong(r.get("sample_id")), Integer.parseInt(r.get("label")),
                        Integer.parseInt(r.get("predicted")), Double.parseDouble(r.get("confidence")),
                        group.isEmpty() ? null : group));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the errors of an evaluation", e);
        }
    }
}
