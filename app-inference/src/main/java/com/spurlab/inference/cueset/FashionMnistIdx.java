package com.spurlab.inference.cueset;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/** Reads the gzip'd IDX files of Fashion-MNIST (labels: magic 2049, images: magic 2051, 28x28 uint8). */
final class FashionMnistIdx {

    static final int SIDE = 28;
    static final String[] CLASS_NAMES = {
        "t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle-boot"};

    private static final int LABEL_MAGIC = 2049;
    private static final int IMAGE_MAGIC = 2051;
    /** Fashion-MNIST's training file holds 60 000; a header claiming far more is damaged. */
    private static final int MAX_IMAGES = 1_000_000;

    private FashionMnistIdx() {
    }

    /** The {@code train} or {@code t10k} file pair of one part of the dataset. */
    record Part(Path labels, Path images) {

        static Part of(Path dir, String prefix) throws IOException {
            Part part = new Part(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), dir.resolve(prefix + "-images-idx3-ubyte.gz"));
            for (Path file : new Path[] {part.labels(), part.images()}) {
                if (!Files.isReadable(file)) {
                    throw new IOException("Fashion-MNIST file " + file + " is missing: install the Debian package "
                            + "dataset-fashion-mnist (apt-get install dataset-fashion-mnist) or pass the folder that holds "
                            + "train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and "
                            + "t10k-labels-idx1-ubyte.gz");
                }
            }
            return part;
        }
    }

    static byte[] readLabels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            requireMagic(in.readInt(), LABEL_MAGIC, file);
            byte[] labels = new byte[in.readInt()];
            in.readFully(labels);
            return labels;
        }
    }

    /**
     * The wanted images (28*28 bytes each) of an image file. The whole file is decoded once per process
     * and kept behind a soft reference: a series of sets (tests, benchmarks) decompresses it once, and
     * the JVM drops the 47 MB of the training file when it needs the memory.
     */
    static Map<Integer, byte[]> readImages(Path file, Set<Integer> wanted) throws IOException {
        Map<Integer, byte[]> images = new HashMap<>(wanted.size() * 2);
        if (wanted.isEmpty()) {
            return images;
        }
        byte[] all = decoded(file);
        int count = all.length / (SIDE * SIDE);
        for (int i : wanted) {
            if (i < 0 || i >= count) {
                throw new IOException(file + " holds " + count + " images, not image " + i);
            }
            images.put(i, Arrays.copyOfRange(all, i * SIDE * SIDE, (i + 1) * SIDE * SIDE));
        }
        return images;
    }

    /** A decoded image file and what identified it on disk. */
    private record Decoded(Path file, long size, long modified, byte[] pixels) {
    }

    private static final Map<Path, SoftReference<Decoded>> DECODED = new ConcurrentHashMap<>();

    private static byte[] decoded(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        long size = Files.size(key);
        long modified = Files.getLastModifiedTime(key).toMillis();
        SoftReference<Decoded> ref = DECODED.get(key);
        Decoded cached = ref == null ? null : ref.get();
        if (cached != null && cached.size() == size && cached.modified() == modified) {
            return cached.pixels();
        }
        byte[] pixels;
        try (DataInputStream in = open(key)) {
            requireMagic(in.readInt(), IMAGE_MAGIC, key);
            int count = in.readInt();
            if (in.readInt() != SIDE || in.readInt() != SIDE || count < 0 || count > MAX_IMAGES) {
                throw new IOException(key + " does not hold up to " + MAX_IMAGES + " 28x28 images");
            }
            pixels = new byte[count * SIDE * SIDE];
            in.readFully(pixels);
        } catch (EOFException e) {
            throw new IOException(key + " is truncated", e);
        }
        DECODED.put(key, new SoftReference<>(new Decoded(key, size, modified, pixels)));
        return pixels;
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
        } catch (IOException e) {
            raw.close();
            throw new IOException(file + " is not a gzip'd IDX file", e);
        }
    }

    private static void requireMagic(int actual, int expected, Path file) throws IOException {
        if (actual != expected) {
            throw new IOException(file + " is not an IDX file of the expected kind (magic " + actual + ", expected " + expected + ")");
        }
    }
}
