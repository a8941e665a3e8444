package com.spurlab.inference.extract.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntConsumer;
import javax.imageio.ImageIO;

/**
 * OCR results on disk, keyed by the SHA-256 of an image file's bytes and by the reading pipeline
 * ({@link TextReader#VERSION}, detection side): the same image in another dataset version, or a
 * second EXTRACT, is not read again. One small TSV per image ({@code word x y width height confidence});
 * written to a temporary file and moved into place, so a crash leaves no half entry. The OCR models
 * are loaded only when some image is not cached yet.
 */
public final class PrintedTextCache {

    private static final int CHUNK = 64;

    private final Path folder;
    private final int detectionSide;

    /** @param folder where entries live; created when missing. Shared safely by concurrent extractions. */
    public PrintedTextCache(Path folder, int detectionSide) {
        this.folder = folder.resolve(TextReader.VERSION + "-" + detectionSide);
        this.detectionSide = detectionSide;
    }

    /**
     * The words in each image, in input order.
     *
     * @param progress receives the number of images done so far
     * @throws UncheckedIOException when an image cannot be read or decoded, or the cache cannot be written
     */
    public Reading read(List<Path> images, IntConsumer progress) {
        List<List<PrintedWord>> words = new ArrayList<>(images.size());
        List<String> keys = new ArrayList<>(images.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            String key = key(images.get(i));
            keys.add(key);
            List<PrintedWord> cached = load(key);
            words.add(cached);
            if (cached == null) {
                missing.add(i);
            }
        }
        progress.accept(images.size() - missing.size());
        long nanos = 0;
        if (!missing.isEmpty()) {
            long start = System.nanoTime();
            try (TextReader reader = TextReader.open(detectionSide)) {
                for (int from = 0; from < missing.size(); from += CHUNK) {
                    List<Integer> chunk = missing.subList(from, Math.min(missing.size(), from + CHUNK));
                    List<List<PrintedWord>> read = reader.readAll(chunk.stream().map(i -> decode(images.get(i))).toList());
                    for (int c = 0; c < chunk.size(); c++) {
                        int i = chunk.get(c);
                        words.set(i, read.get(c));
                        store(keys.get(i), read.get(c));
                    }
                    progress.accept(images.size() - missing.size() + from + chunk.size());
                }
            }
            nanos = System.nanoTime() - start;
        }
        return new Reading(words, images.size() - missing.size(), missing.size(), nanos / 1e6);
    }

    /**
     * @param words       per image, the words read
     * @param cached      images answered from the cache
     * @param read        images run through OCR now
     * @param readMillis  wall time of OCR (models loaded included) for the {@code read} images
     */
    public record Reading(List<List<PrintedWord>> words, int cached, int read, double readMillis) {

        /** OCR milliseconds per image actually read; NaN when everything came from the cache. */
        public double millisPerImageRead() {
            return read == 0 ? Double.NaN : readMillis / read;
        }
    }

    /** The words cached for this key, exactly as read (confidence round-trips through Float.toString), or null. */
    private List<PrintedWord> load(String key) {
        Path file = entry(key);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            List<PrintedWord> words = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                words.add(PrintedWord.fromTsv(line));
            }
            return words;
        } catch (IOException | RuntimeException e) {
            // A damaged entry is read again rather than trusted.
            return null;
        }
    }

    private void store(String key, List<PrintedWord> words) {
        Path file = entry(key);
        StringBuilder text = new StringBuilder();
        for (PrintedWord w : words) {
            text.append(w.toTsv()).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), key, ".part");
            try {
                Files.writeString(partial, text, StandardCharsets.UTF_8);
                try {
                    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the OCR cache under " + folder, e);
        }
    }

    private Path entry(String key) {
        return folder.resolve(key.substring(0, 2)).resolve(key + ".tsv");
    }

    private static String key(Path image) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(Files.readAllBytes(image)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + image, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static BufferedImage decode(Path image) {
        try {
            BufferedImage decoded = ImageIO.read(image.toFile());
            if (decoded == null) {
                throw new IOException("not a PNG/JPEG image");
            }
            return decoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode image " + image + ": " + e.getMessage(), e);
        }
    }
}
