package com.spurlab.report;

import com.spurlab.core.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;

/** The report's file formats, as {@code ?format=} names them. */
public enum ReportFormat {
    PDF("application/pdf", "pdf"),
    CSV("text/csv;charset=UTF-8", "csv");

    private final String contentType;
    private final String extension;

    ReportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String fileName(long projectId) {
        return "pilot-report-project-" + projectId + "." + extension;
    }

    /** @throws InvalidRequestException naming the allowed values, for anything else */
    public static ReportFormat parse(String name) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(name == null ? "" : name.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new InvalidRequestException("unknown_format", "format must be pdf or "
                        + "csv, not '" + name + "'"));
    }
}
