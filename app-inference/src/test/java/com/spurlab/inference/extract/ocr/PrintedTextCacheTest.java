package com.spurlab.inference.extract.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrintedTextCacheTest {

    @TempDir
    Path dir;

    @Test
    void aSecondReadComesFromTheCacheKeyedByContentNotByPath() throws IOException {
        Path sale = write("a.png", "sale");
        Path promo = write("b.png", "promo");
        Path sameAsSale = dir.resolve("copy-of-a.png");
        Files.copy(sale, sameAsSale);
        PrintedTextCache cache = new PrintedTextCache(dir.resolve("cache"), TextReader.DEFAULT_DETECTION_SIDE);

        PrintedTextCache.Reading first = cache.read(List.of(sale, promo), done -> {
        });
        PrintedTextCache.Reading second = cache.read(List.of(promo, sameAsSale), done -> {
        });

        assertThat(first.read()).isEqualTo(2);
        assertThat(first.millisPerImageRead()).isPositive();
        assertThat(second.read()).isZero();
        assertThat(second.cached()).isEqualTo(2);
        assertThat(second.millisPerImageRead()).isNaN();
        assertThat(second.words().get(0)).isEqualTo(first.words().get(1));
        assertThat(second.words().get(1)).extracting(PrintedWord::text).containsExactly("sale");
    }

    @Test
    void aDamagedEntryIsReadAgain() throws IOException {
        Path sale = write("a.png", "sale");
        PrintedTextCache cache = new PrintedTextCache(dir.resolve("cache"), TextReader.DEFAULT_DETECTION_SIDE);
        cache.read(List.of(sale), done -> {
        });
        try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
            Path entry = files.filter(p -> p.toString().endsWith(".tsv")).findFirst().orElseThrow();
            Files.writeString(entry, "sale\tnot-a-number\n");
        }

        PrintedTextCache.Reading again = cache.read(List.of(sale), done -> {
        });

        assertThat(again.read()).isEqualTo(1);
        assertThat(again.words().get(0)).extracting(PrintedWord::text).containsExactly("sale");
    }

    private Path write(String name, String word) throws IOException {
        Path file = dir.resolve(name);
        ImageIO.write(TextReaderTest.stamped(word, 64, 12, 4, 58), "png", file.toFile());
        return file;
    }
}
