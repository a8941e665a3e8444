package com.spurlab.inference.cueset;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/** Reads the gzip'd IDX files of Fashion-MNIST (labels: magic 2049, images: magic 2051, 28x28 uint8). */
final class FashionMnistIdx {

    static final int SIDE = 28;
    static final String[] CLASS_NAMES = {
        "t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle-boot"};

    private static final int LABEL_MAGIC = 2049;
    private static final int IMAGE_MAGIC = 2051;

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
     * Streams the image file once and keeps only the wanted images (28*28 bytes each), so the
     * 47 MB of the training file never sit in memory together.
     */
    static Map<Integer, byte[]> readImages(Path file, Set<Integer> wanted) throws IOException {
        Map<Integer, byte[]> images = new HashMap<>(wanted.size() * 2);
        try (DataInputStream in = open(file)) {
            requireMagic(in.readInt(), IMAGE_MAGIC, file);
            int count = in.readInt();
            if (in.readInt() != SIDE || in.readInt() != SIDE) {
                throw new IOException(file + " does not hold 28x28 images");
            }
            byte[] buffer = new byte[SIDE * SIDE];
            for (int i = 0; i < count && images.size() < wanted.size(); i++) {
                in.readFully(buffer);
                if (wanted.contains(i)) {
                    images.put(i, buffer.clone());
                }
            }
        } catch (EOFException e) {
            throw new IOException(file + " is truncated", e);
        }
        return images;
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
