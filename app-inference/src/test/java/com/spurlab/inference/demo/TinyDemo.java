package com.spurlab.inference.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test fixture: the tiny demo set, unpacked. Fashion-MNIST is part of the test environment ({@code ./spurlab
 * test} installs it): where it is missing the calling test fails and says what to install, it is never skipped.
 */
public final class TinyDemo {

    private TinyDemo() {
    }

    public static void requireFashionMnist() {
        if (!Files.isRegularFile(SpuriousFashionMnist.DEFAULT_SOURCE.resolve("train-images-idx3-ubyte.gz"))) {
            throw new IllegalStateException("Fashion-MNIST is not installed in " + SpuriousFashionMnist.DEFAULT_SOURCE
                    + ": install the Debian package dataset-fashion-mnist (apt-get install dataset-fashion-mnist;"
                    + " ./spurlab test does it for you)");
        }
    }

    public static DemoSplits unpacked(Path workDir) throws IOException {
        requireFashionMnist();
        Path zip = workDir.resolve("tiny.zip");
        SpuriousFashionMnist.write(SpuriousFashionMnist.DEFAULT_SOURCE, zip, DemoSpec.tiny());
        return DemoArchive.extract(zip, workDir.resolve("tiny"));
    }
}
