package com.spurlab.core.dataset;

import java.util.List;

/**
 * What validation found: the detected format (spurlab-manifest, wilds-metadata, image-folder) and
 * archive (zip, tar, tar.gz), how many rows were read and accepted, and each problem with where it is
 * and what to fix. ERRORs in too many rows reject the archive whole. Format or archive are null when
 * the archive was refused before they were known.
 */
public record ValidationReport(String format, String archive, int rows, int accepted, String verdict,
                               List<Problem> problems) {

    public enum Severity { WARNING, ERROR }

    /**
     * One kind of problem; {@code count} rows had it, {@code file}/{@code line} name the first, {@code files}
     * the first few distinct files that have it, {@code fix} says in plain words what to change (null when the
     * problem says it itself).
     */
    public record Problem(Severity severity, String file, Integer line, String problem, int count, List<String> files,
                          String fix) {

        /** How many offending files a report names per problem: enough to find the pattern, small to read. */
        public static final int FILES_NAMED = 10;

        public Problem {
            files = files == null ? (file == null ? List.of() : List.of(file)) : List.copyOf(files);
        }

        public Problem(Severity severity, String file, Integer line, String problem, int count) {
            this(severity, file, line, problem, count, null, null);
        }
    }
}
