package com.spurlab.inference.edit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The files of an EDIT run's EDIT_SET artifact, for the steps after it (AUDIT re-scores the pairs with the model it
 * audits): the edited and control PNGs the confirmation run wrote under the folder, and a table of the pairs. Steps find
 * the folder through the artifact, never through a path in an API response.
 *
 * <p>Files: {@code pairs.tsv}, one row per edited image: {@code original} (the source version's sample id),
 * {@code edited} (the edited version's sample id of the same image), {@code label}, {@code group}, {@code editedFile}
 * and {@code controlFile} (relative to the folder; the control is empty when the original was misclassified or no
 * control could be placed), {@code predictedBefore}, {@code predictedAfter}, {@code predictedControl} (class names;
 * empty without a control), {@code correctBefore}, {@code flipped} ({@code true}/{@code false}). Free text is
 * URL-encoded, so no tab or line break can break a row. {@code edit-set.properties} (versions, cue, operation, split,
 * count) is written last: a folder without it is incomplete.
 *
 * @param sourceVersionId the version whose images were edited
 * @param editedVersionId the derived version that holds the edits
 * @param pairs           in the confirmation run's order
 */
public record EditSet(long sourceVersionId, long editedVersionId, String cue, EditOperation operation, String split,
        List<Pair> pairs) {

    static final String PAIRS = "pairs.tsv";
    static final String SUMMARY = "edit-set.properties";
    private static final String HEADER = "original\tedited\tlabel\tgroup\teditedFile\tcontrolFile\tpredictedBefore"
            + "\tpredictedAfter\tpredictedControl\tcorrectBefore\tflipped";
    private static final int COLUMNS = 11;

    public EditSet {
        Objects.requireNonNull(cue, "cue");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(split, "split");
        pairs = List.copyOf(pairs);
    }

    /**
     * One original and its edit.
     *
     * @param editedFile       absolute once read back; inside the artifact's folder
     * @param controlFile      the control edit, or {@code null}
     * @param predictedControl the prediction on the control, or {@code null} without one
     */
    public record Pair(String originalSampleId, String editedSampleId, String label, String group, Path editedFile,
            Path controlFile, String predictedBefore, String predictedAfter, String predictedControl,
            boolean correctBefore, boolean flipped) {

        public Pair {
            Objects.requireNonNull(originalSampleId, "originalSampleId");
            Objects.requireNonNull(editedSampleId, "editedSampleId");
            Objects.requireNonNull(editedFile, "editedFile");
        }
    }

    /**
     * The set of a confirmation run whose edits became samples of a derived version.
     *
     * @param editedIds  original sample id to the id of its edit in the edited version; every pair must have one
     * @param classNames the model's class names, index = label
     * @throws IllegalArgumentException when a pair's edit has no sample in the edited version
     */
    public static EditSet of(EditResult result, long editedVersionId, Map<String, String> editedIds,
            List<String> classNames) {
        List<Pair> pairs = new ArrayList<>(result.pairs().size());
        for (EditedPair p : result.pairs()) {
            String edited = editedIds.get(p.sampleId());
            if (edited == null) {
                throw new IllegalArgumentException("the edit of sample " + p.sampleId() + " is not a sample of dataset"
                        + " version " + editedVersionId);
            }
            pairs.add(new Pair(p.sampleId(), edited, classNames.get(p.label()), p.group(), p.editedFile(),
                    p.controlFile(), classNames.get(p.predictedBefore()), classNames.get(p.predictedAfter()),
                    p.controlFile() == null ? null : classNames.get(p.predictedControl()), p.correctBefore(),
                    p.flipped()));
        }
        return new EditSet(result.datasetVersionId(), editedVersionId, result.cue(), result.operation(), result.split(),
                pairs);
    }

    /**
     * Writes the table and the summary into {@code folder} (where the images already are); each file through a
     * temporary one and the summary last, so a crash leaves a folder {@link #read} refuses rather than half a table.
     *
     * @throws IllegalArgumentException when an image lies outside the folder
     * @throws UncheckedIOException     when the folder cannot be written
     */
    public void write(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        StringBuilder rows = new StringBuilder(HEADER).append('\n');
        for (Pair p : pairs) {
            rows.append(String.join("\t", encode(p.originalSampleId()), encode(p.editedSampleId()), encode(p.label()),
                    encode(p.group()), relative(root, p.editedFile()), p.controlFile() == null ? ""
                            : relative(root, p.controlFile()), encode(p.predictedBefore()), encode(p.predictedAfter()),
                    encode(p.predictedControl()), Boolean.toString(p.correctBefore()), Boolean.toString(p.flipped())))
                    .append('\n');
        }
        Properties summary = new Properties();
        summary.setProperty("sourceVersionId", Long.toString(sourceVersionId));
        summary.setProperty("editedVersionId", Long.toString(editedVersionId));
        summary.setProperty("cue", cue);
        summary.setProperty("operation", operation.name());
        summary.setProperty("split", split);
        summary.setProperty("pairs", Integer.toString(pairs.size()));
        try {
            Files.createDirectories(root);
            Files.deleteIfExists(root.resolve(SUMMARY));
            Path partialRows = Files.createTempFile(root, PAIRS, ".part");
            Files.writeString(partialRows, rows, StandardCharsets.UTF_8);
            move(partialRows, root.resolve(PAIRS));
            Path partial = Files.createTempFile(root, SUMMARY, ".part");
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                summary.store(out, "EDIT set");
            }
            move(partial, root.resolve(SUMMARY));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the EDIT set", e);
        }
    }

    /**
     * Reads what {@link #write} wrote; image paths come back absolute, inside {@code folder}.
     *
     * @throws IllegalArgumentException when the folder holds no complete EDIT set, a row is damaged, or a row names a
     *                                  file outside the folder
     * @throws UncheckedIOException     when a file cannot be read
     */
    public static EditSet read(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        Properties summary = new Properties();
        try (Reader in = Files.newBufferedReader(root.resolve(SUMMARY), StandardCharsets.UTF_8)) {
            summary.load(in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("the EDIT_SET artifact holds no complete EDIT set (no " + SUMMARY
                    + "); run EDIT again", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the EDIT set", e);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(root.resolve(PAIRS), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the EDIT set's " + PAIRS, e);
        }
        try {
            List<Pair> pairs = new ArrayList<>();
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.split("\t", -1);
                if (f.length != COLUMNS) {
                    throw new IllegalArgumentException("the EDIT set's " + PAIRS + " has a row of " + f.length
                            + " fields instead of " + COLUMNS);
                }
                pairs.add(new Pair(decode(f[0]), decode(f[1]), decode(f[2]), decode(f[3]), inside(root, f[4]),
                        f[5].isEmpty() ? null : inside(root, f[5]), decode(f[6]), decode(f[7]), decode(f[8]),
                        Boolean.parseBoolean(f[9]), Boolean.parseBoolean(f[10])));
            }
            if (pairs.size() != Integer.parseInt(summary.getProperty("pairs", "-1"))) {
                throw new IllegalArgumentException("the count in " + SUMMARY + " does not match " + PAIRS);
            }
            return new EditSet(Long.parseLong(summary.getProperty("sourceVersionId")),
                    Long.parseLong(summary.getProperty("editedVersionId")), summary.getProperty("cue"),
                    EditOperation.valueOf(summary.getProperty("operation")), summary.getProperty("split"), pairs);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("the EDIT set is damaged: " + e.getMessage(), e);
        }
    }

    private static String relative(Path root, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(root)) {
            throw new IllegalArgumentException("image " + file.getFileName() + " is not inside the EDIT set's folder");
        }
        return encode(root.relativize(absolute).toString().replace('\\', '/'));
    }

    private static Path inside(Path root, String encoded) {
        Path file = root.resolve(decode(encoded)).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("the EDIT set names a file outside its folder: " + decode(encoded));
        }
        return file;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String encode(String text) {
        return text == null ? "" : URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return text.isEmpty() ? null : URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
