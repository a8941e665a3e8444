package com.spurlab.core.dataset;

import java.util.List;

/**
 * What validation found: the detected format (spurlab-manifest, wilds-metadata, image-folder) and
 * archive (zip, tar, tar.gz), how many rows were read and accepted, and each problem with where it is
 * and what to fix. ERRORs in too many rows reject the archive whole. Format or archive are null when
 * the archive was refused before they were known. {@code nearDuplicates} lists images of different
 * splits that look the same (re-encoded or resized copies; at most {@value NearDuplicates#LISTED}, the
 * WARNING's count has them all).
 */
public record ValidationReport(String format, String archive, int rows, int accepted, String verdict,
                               List<Problem> problems, List<NearDuplicate> nearDuplicates) {

    public ValidationReport {
        problems = List.copyOf(problems);
        nearDuplicates = nearDuplicates == null ? List.of() : List.copyOf(nearDuplicates);
    }

    /** A report without near-duplicates (one that did not compare images: a derived version, a refusal). */
    public ValidationReport(String format, String archive, int rows, int accepted, String verdict, List<Problem> problems) {
        this(format, archive, rows, accepted, verdict, problems, List.of());
    }

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

    /**
     * Two images of different splits whose perceptual hashes are {@code distance} of
     * {@value PerceptualHash#BITS} bits apart (at most {@value PerceptualHash#NEAR}) with alike mean colours.
     */
    public record NearDuplicate(String image, String split, String lookalike, String lookalikeSplit, int distance) {
    }
}
