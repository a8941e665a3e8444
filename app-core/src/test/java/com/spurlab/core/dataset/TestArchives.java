package com.spurlab.core.dataset;

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
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Builds small manifest archives for tests: entries are added in order, then written. */
final class TestArchives {

    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    static byte[] png(int width, int height, int type, Color color) {
        BufferedImage image = new BufferedImage(width, height, type);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A distinct RGB image per index, so content hashes differ. */
    static byte[] rgb(int index) {
        return png(16, 16, BufferedImage.TYPE_INT_RGB, new Color(index * 37 % 256, index * 91 % 256, index % 256));
    }

    /** A distinct JPEG per index. */
    static byte[] jpeg(int index) {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(index * 53 % 256, index * 17 % 256, 200));
        g.fillRect(0, 0, 16, 16);
        g.setColor(Color.WHITE);
        g.fillRect(index % 12, 2, 4, 4);
        g.dispose();
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestArchives entry(String name, byte[] bytes) {
        entries.put(name, bytes);
        return this;
    }

    byte[] get(String name) {
        return entries.get(name);
    }

    TestArchives manifest(String csv) {
        return entry("manifest.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    Path write(Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /** The same entries as a tar, gzip-compressed when asked; {@code links} become symbolic-link entries. */
    Path writeTar(Path file, boolean gzip, Map<String, String> links) throws IOException {
        try (OutputStream os = Files.newOutputStream(file);
             OutputStream maybeGzip = gzip ? new GzipCompressorOutputStream(os) : os;
             TarArchiveOutputStream tar = new TarArchiveOutputStream(maybeGzip)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (var e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
            for (var link : links.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(link.getKey(), TarConstants.LF_SYMLINK);
                entry.setLinkName(link.getValue());
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    /** The entries as a zip, plus one unix symbolic-link entry {@code name -> target}. */
    Path writeZipWithSymlink(Path file, String name, String target) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            for (var e : entries.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeArchiveEntry();
            }
            ZipArchiveEntry link = new ZipArchiveEntry(name);
            link.setUnixMode(UnixStat.LINK_FLAG | 0777);
            zip.putArchiveEntry(link);
            zip.write(target.getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
        return file;
    }

    /** A valid archive: n images per label per split of train/test, attribute "bg" following the label in train. */
    static TestArchives balanced(int perCell) {
        TestArchives archive = new TestArchives();
        StringBuilder csv = new StringBuilder("image,label,split,caption,attr:bg\n");
        int i = 0;
        for (String split : new String[] {"train", "test"}) {
            for (String label : new String[] {"coat", "dress"}) {
                for (int k = 0; k < perCell; k++, i++) {
                    String bg = split.equals("train") ? (label.equals("coat") ? "warm" : "cool") : (k % 2 == 0 ? "warm" : "cool");
                    String path = "images/" + i + ".png";
                    archive.entry(path, rgb(i));
                    csv.append(path).append(',').append(label).append(',').append(split)
                            .append(",\"a ").append(label).append(", on ").append(bg).append("\",").append(bg).append('\n');
                }
            }
        }
        return archive.manifest(csv.toString());
    }
}
