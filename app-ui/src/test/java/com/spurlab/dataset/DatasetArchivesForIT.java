package com.spurlab.dataset;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Tiny Waterbirds-style archives for the dataset ITs: entries in order, written as zip or tar.gz. */
final class DatasetArchivesForIT {

    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    /** A 16x16 PNG whose colour depends on the index, so each index has its own content hash. */
    static byte[] png(int index) {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(index * 37 % 256, index * 91 % 256, (index * 13 + 50) % 256));
        g.fillRect(0, 0, 16, 16);
        g.dispose();
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waterbirds layout over the given image indices: the first 8 are train (place follows y), the rest
     * test (place balanced).
     */
    static DatasetArchivesForIT waterbirds(int... indices) {
        var archive = new DatasetArchivesForIT();
        StringBuilder csv = new StringBuilder("img_id,img_filename,y,split,place\n");
        for (int n = 0; n < indices.length; n++) {
            int i = indices[n];
            int y = n % 2;
            boolean train = n < 8;
            int place = train ? y : (n / 2) % 2;
            String path = "birds/" + i + ".png";
            archive.entries.put(path, png(i));
            csv.append(i).append(',').append(path).append(',').append(y).append(',').append(train ? 0 : 2)
                    .append(',').append(place).append('\n');
        }
        archive.entries.put("metadata.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        return archive;
    }

    DatasetArchivesForIT entry(String name, byte[] bytes) {
        entries.put(name, bytes);
        return this;
    }

    Path zip() throws IOException {
        Path file = Files.createTempFile("dataset-it-", ".zip");
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    Path tarGz() throws IOException {
        Path file = Files.createTempFile("dataset-it-", ".tar.gz");
        try (OutputStream os = Files.newOutputStream(file); var gz = new GzipCompressorOutputStream(os);
             var tar = new TarArchiveOutputStream(gz)) {
            for (var e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return file;
    }
}
