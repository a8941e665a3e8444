package com.spurlab.inference.extract;

import com.spurlab.inference.extract.ocr.PrintedWord;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * EXTRACT's per-sample findings as the files of its CUES artifact, for the steps after it: the words printed in each
 * image of the split with their boxes (EDIT's text masks), each sample's error slice, and the slices' centres (which
 * assign any other sample to {@code slice:<n>}). Steps find the folder through the artifact, never through a path in an
 * API response.
 *
 * <p>Files: {@code samples.tsv} (sample, slice, gradient and area outside the mask), {@code printed-words.tsv} (sample
 * and one {@link PrintedWord#toTsv() word} per line), {@code slices.tsv} (id, label, members, errors, radius,
 * described-by cues, centre) and {@code findings.properties} (split and counts), written last: a folder without it
 * is incomplete. Free text (sample ids, labels, cue names) is URL-encoded so no tab or line break can break a row.
 *
 * @param split   the split EXTRACT examined
 * @param samples one per sample of the split, in the split's order
 * @param slices  the error slices
 */
public record CueFindings(String split, List<SampleFindings> samples, List<ErrorSlice> slices) {

    static final String SAMPLES = "samples.tsv";
    static final String WORDS = "printed-words.tsv";
    static final String SLICES = "slices.tsv";
    static final String SUMMARY = "findings.properties";

    public CueFindings {
        samples = List.copyOf(samples);
        slices = List.copyOf(slices);
    }

    /** The findings of an extraction, ready to write. */
    public static CueFindings of(Extraction extraction) {
        return new CueFindings(extraction.report().split(), extraction.findings(), extraction.report().slices());
    }

    /** Per sample id, the words OCR read in its image; samples without any are left out. */
    public Map<String, List<PrintedWord>> printedWords() {
        Map<String, List<PrintedWord>> words = new LinkedHashMap<>();
        samples.stream().filter(s -> !s.printedWords().isEmpty()).forEach(s -> words.put(s.sampleId(), s.printedWords()));
        return words;
    }

    public Optional<SampleFindings> sample(String sampleId) {
        return samples.stream().filter(s -> s.sampleId().equals(sampleId)).findFirst();
    }

    /** The slice a raw embedding of the same model falls in (nearest centre, within its radius), or -1. */
    public int sliceOf(float[] embedding) {
        return ErrorSlice.assign(slices, embedding);
    }

    /**
     * Writes the files into {@code folder} (created when missing); the summary last, each file through a temporary
     * one, so a crash leaves a folder {@link #read} refuses rather than half a table.
     *
     * @throws UncheckedIOException when the folder cannot be written
     */
    public void write(Path folder) {
        StringBuilder rows = new StringBuilder("sample\tslice\tgradientOutside\tareaOutside\n");
        StringBuilder words = new StringBuilder("sample\ttext\tx\ty\twidth\theight\tconfidence\n");
        int wordCount = 0;
        for (SampleFindings s : samples) {
            String id = encode(s.sampleId());
            rows.append(id).append('\t').append(s.slice()).append('\t').append(s.gradientOutside()).append('\t')
                    .append(s.areaOutside()).append('\n');
            for (PrintedWord w : s.printedWords()) {
                words.append(id).append('\t').append(w.toTsv()).append('\n');
                wordCount++;
            }
        }
        StringBuilder sliceRows = new StringBuilder("id\tlabel\tmembers\terrors\tradius\tdescribedBy\tcentroid\n");
        for (ErrorSlice s : slices) {
            List<String> centre = new ArrayList<>();
            for (float v : s.centroid()) {
                centre.add(Float.toString(v));
            }
            sliceRows.append(s.id()).append('\t').append(encode(s.label())).append('\t').append(s.members()).append('\t')
                    .append(s.errors()).append('\t').append(s.radius()).append('\t')
                    .append(String.join(" ", s.describedBy().stream().map(CueFindings::encode).toList())).append('\t')
                    .append(String.join(" ", centre)).append('\n');
        }
        Properties summary = new Properties();
        summary.setProperty("split", split);
        summary.setProperty("samples", Integer.toString(samples.size()));
        summary.setProperty("printedWords", Integer.toString(wordCount));
        summary.setProperty("slices", Integer.toString(slices.size()));
        try {
            Files.createDirectories(folder);
            Files.deleteIfExists(folder.resolve(SUMMARY));
            replace(folder.resolve(SAMPLES), rows.toString());
            replace(folder.resolve(WORDS), words.toString());
            replace(folder.resolve(SLICES), sliceRows.toString());
            Path partial = Files.createTempFile(folder, SUMMARY, ".part");
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                summary.store(out, "EXTRACT findings");
            }
            move(partial, folder.resolve(SUMMARY));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write EXTRACT's findings", e);
        }
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @throws IllegalArgumentException when the folder holds no complete findings of an EXTRACT run, or a file is damaged
     * @throws UncheckedIOException     when a file cannot be read
     */
    public static CueFindings read(Path folder) {
        Properties summary = new Properties();
        try (Reader in = Files.newBufferedReader(folder.resolve(SUMMARY), StandardCharsets.UTF_8)) {
            summary.load(in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("the CUES artifact holds no complete findings of an EXTRACT run"
                    + " (no " + SUMMARY + "); run EXTRACT again", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read EXTRACT's findings", e);
        }
        try {
            Map<String, List<PrintedWord>> words = new LinkedHashMap<>();
            for (String[] f : rows(folder.resolve(WORDS), 7)) {
                words.computeIfAbsent(decode(f[0]), k -> new ArrayList<>()).add(PrintedWord.fromTsv(
                        String.join("\t", Arrays.copyOfRange(f, 1, 7))));
            }
            List<SampleFindings> samples = new ArrayList<>();
            for (String[] f : rows(folder.resolve(SAMPLES), 4)) {
                String id = decode(f[0]);
                samples.add(new SampleFindings(id, words.getOrDefault(id, List.of()), Integer.parseInt(f[1]),
                        Double.parseDouble(f[2]), Double.parseDouble(f[3])));
            }
            List<ErrorSlice> slices = new ArrayList<>();
            for (String[] f : rows(folder.resolve(SLICES), 7)) {
                slices.add(new ErrorSlice(Integer.parseInt(f[0]), decode(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]), f[5].isEmpty() ? List.of()
                        : Arrays.stream(f[5].split(" ")).map(CueFindings::decode).toList(), floats(f[6]),
                        Double.parseDouble(f[4])));
            }
            if (samples.size() != Integer.parseInt(summary.getProperty("samples", "-1"))
                    || slices.size() != Integer.parseInt(summary.getProperty("slices", "-1"))) {
                throw new IllegalArgumentException("the counts in " + SUMMARY + " do not match the files");
            }
            return new CueFindings(summary.getProperty("split"), samples, slices);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("EXTRACT's findings are damaged: " + e.getMessage(), e);
        }
    }

    private static List<String[]> rows(Path file, int columns) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read EXTRACT's findings file " + file.getFileName(), e);
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] fields = line.split("\t", -1);
            if (fields.length != columns) {
                throw new IllegalArgumentException("EXTRACT's findings file " + file.getFileName() + " has a row of "
                        + fields.length + " fields instead of " + columns);
            }
            rows.add(fields);
        }
        return rows;
    }

    private static float[] floats(String text) {
        if (text.isEmpty()) {
            return new float[0];
        }
        String[] parts = text.split(" ");
        float[] values = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Float.parseFloat(parts[i]);
        }
        return values;
    }

    private static void replace(Path file, String text) throws IOException {
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        move(partial, file);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
