package com.spurlab.inference.demo;

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
 * Unpacks a zip written by {@link SpuriousFashionMnist} into labelled images on disk. It reads
 * only that trusted, simple layout (no quoted commas); uploads from users go through app-core's
 * validating importer instead.
 */
public final class DemoArchive {

    private DemoArchive() {
    }

    /**
     * Extracts {@code zip} into {@code targetDir} and returns its samples per split. Class names are
     * taken in order of first appearance in the manifest, which is the {@link DemoSpec} order.
     *
     * @throws IOException when the zip is not a demo archive or an entry would escape {@code targetDir}
     */
    public static DemoSplits extract(Path zip, Path targetDir) throws IOException {
        Path root = targetDir.toAbsolutePath().normalize();
        Files.createDirectories(root);
        List<String[]> rows = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry manifest = file.getEntry(SpuriousFashionMnist.MANIFEST);
            if (manifest == null) {
                throw new IOException(zip + " has no " + SpuriousFashionMnist.MANIFEST + " at its root");
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(file.getInputStream(manifest), StandardCharsets.UTF_8))) {
                String header = in.readLine();
                if (header == null || !header.equals("image,label,split,caption,mask,attr:" + SpuriousFashionMnist.ATTRIBUTE)) {
                    throw new IOException(zip + " is not a demo archive: unexpected manifest header " + header);
                }
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isBlank()) {
                        rows.add(line.split(",", -1));
                    }
                }
            }
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
        return toSplits(rows, root, zip);
    }

    private static DemoSplits toSplits(List<String[]> rows, Path root, Path zip) throws IOException {
        List<String> classNames = new ArrayList<>();
        Map<String, List<LabeledImage>> bySplit = Map.of("train", new ArrayList<>(), "val", new ArrayList<>(), "test",
                new ArrayList<>());
        for (String[] row : rows) {
            if (row.length != 6 || !bySplit.containsKey(row[2])) {
                throw new IOException(zip + " has a malformed manifest row: " + String.join(",", row));
            }
            if (!classNames.contains(row[1])) {
                classNames.add(row[1]);
            }
            String id = row[0].substring(row[0].lastIndexOf('/') + 1).replace(".png", "");
            bySplit.get(row[2]).add(new LabeledImage(id, root.resolve(row[0]), classNames.indexOf(row[1]), row[1] + "|" + row[5]));
        }
        return new DemoSplits(classNames, bySplit.get("train"), bySplit.get("val"), bySplit.get("test"));
    }
}
