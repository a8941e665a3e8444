package com.spurlab.inference.cueset;

import com.spurlab.inference.data.LabeledImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a zip written by {@link CueSetGenerator} into labelled images on disk. It reads only that
 * trusted, simple layout (no quoted commas); uploads from users go through app-core's validating
 * importer instead.
 */
public final class CueSetArchive {

    private CueSetArchive() {
    }

    /**
     * Unpacks {@code set}'s zip (either layout) into {@code targetDir}; labels, groups and ground truth
     * come from {@code set}, so an image-folder zip is as usable as a manifest.
     *
     * @throws IOException when the zip lacks an image of the ground truth or an entry would escape {@code targetDir}
     */
    public static CueSetSplits extract(GeneratedCueSet set, Path targetDir) throws IOException {
        Path root = unzip(set.archive(), targetDir);
        Map<String, List<LabeledImage>> bySplit = splits();
        for (CueSample s : set.samples()) {
            Path image = root.resolve(s.path());
            if (!Files.isRegularFile(image)) {
                throw new IOException(set.archive() + " lacks " + s.path() + " of its ground truth");
            }
            bySplit.get(s.split()).add(new LabeledImage(s.sampleId(), image, s.label(), s.group()));
        }
        return new CueSetSplits(set.labels(), bySplit.get("train"), bySplit.get("val"), bySplit.get("test"), set.samples());
    }

    /**
     * Unpacks a manifest zip when only the file is at hand: class names in order of first appearance
     * (the spec's order), groups {@code "<label>|<value>"} of the first {@code attr:} column, or the
     * label alone when there is none. The ground truth is what the manifest says (no text boxes).
     *
     * @throws IOException when the zip has no manifest of this layout or an entry would escape {@code targetDir}
     */
    public static CueSetSplits extract(Path manifestZip, Path targetDir) throws IOException {
        List<String> lines;
        try (ZipFile file = new ZipFile(manifestZip.toFile())) {
            ZipEntry manifest = file.getEntry(CueSetGenerator.MANIFEST);
            if (manifest == null) {
                throw new IOException(manifestZip + " has no " + CueSetGenerator.MANIFEST + " at its root");
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(file.getInputStream(manifest),
                    StandardCharsets.UTF_8))) {
                lines = in.lines().filter(l -> !l.isBlank()).toList();
            }
        }
        List<String> header = lines.isEmpty() ? List.of() : List.of(lines.get(0).split(",", -1));
        if (header.size() < 3 || !header.subList(0, 3).equals(List.of("image", "label", "split"))) {
            throw new IOException(manifestZip + " is not a generated manifest: header " + header);
        }
        int caption = header.indexOf("caption");
        int mask = header.indexOf("mask");
        int attribute = -1;
        for (int i = 0; i < header.size() && attribute < 0; i++) {
            attribute = header.get(i).startsWith("attr:") ? i : -1;
        }
        Path root = unzip(manifestZip, targetDir);
        List<String> classNames = new ArrayList<>();
        Map<String, List<LabeledImage>> bySplit = splits();
        List<CueSample> truth = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] row = line.split(",", -1);
            if (row.length != header.size() || !bySplit.containsKey(row[2])) {
                throw new IOException(manifestZip + " has a malformed manifest row: " + line);
            }
            if (!classNames.contains(row[1])) {
                classNames.add(row[1]);
            }
            String id = row[0].substring(row[0].lastIndexOf('/') + 1).replaceFirst("\\.png$", "");
            String value = attribute < 0 ? null : row[attribute];
            CueSample sample = new CueSample(id, row[0], row[2], classNames.indexOf(row[1]), row[1], value, null, null,
                    mask < 0 ? null : row[mask], caption < 0 ? null : row[caption]);
            truth.add(sample);
            bySplit.get(row[2]).add(new LabeledImage(id, root.resolve(row[0]), sample.label(),
                    value == null ? row[1] : sample.group()));
        }
        return new CueSetSplits(classNames, bySplit.get("train"), bySplit.get("val"), bySplit.get("test"), truth);
    }

    private static Map<String, List<LabeledImage>> splits() {
        return Map.of("train", new ArrayList<>(), "val", new ArrayList<>(), "test", new ArrayList<>());
    }

    private static Path unzip(Path zip, Path targetDir) throws IOException {
        Path root = targetDir.toAbsolutePath().normalize();
        Files.createDirectories(root);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("zip entry " + entry.getName() + " points outside " + root);
                }
                if (!entry.isDirectory()) {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return root;
    }
}
