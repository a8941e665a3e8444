package com.spurlab.inference.demo;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test fixture: the tiny demo set, unpacked; skips the calling test where Fashion-MNIST is not installed. */
public final class TinyDemo {

    private TinyDemo() {
    }

    public static void assumeFashionMnist() {
        assumeTrue(Files.isDirectory(SpuriousFashionMnist.DEFAULT_SOURCE),
                "Fashion-MNIST not installed (Debian package dataset-fashion-mnist)");
    }

    public static DemoSplits unpacked(Path workDir) throws IOException {
        assumeFashionMnist();
        Path zip = workDir.resolve("tiny.zip");
        SpuriousFashionMnist.write(SpuriousFashionMnist.DEFAULT_SOURCE, zip, DemoSpec.tiny());
        return DemoArchive.extract(zip, workDir.resolve("tiny"));
    }
}
