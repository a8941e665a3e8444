package com.spurlab.inference.extract.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import com.spurlab.inference.data.PixelBox;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextReaderTest {

    private static TextReader reader;

    @BeforeAll
    static void open() {
        reader = TextReader.open();
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    @Test
    void readsAWordStampedOnASmallImageAndBoxesIt() {
        BufferedImage image = stamped("zebra", 96, 14, 6, 70);

        List<PrintedWord> words = reader.read(image);

        assertThat(words).extracting(PrintedWord::text).containsExactly("zebra");
        PixelBox box = words.get(0).box();
        // The box holds the rendered word (x 6.., baseline 70, cap height about 10 px) and little else.
        assertThat(box.x()).isBetween(0, 8);
        assertThat(box.x() + box.width()).isBetween(44, 62);
        assertThat(box.y()).isBetween(50, 62);
        assertThat(box.y() + box.height()).isBetween(68, 80);
        assertThat(words.get(0).confidence()).isGreaterThan(0.8f);
    }

    @Test
    void readsEachImageOfABatchAndNothingWhereNothingIsPrinted() {
        List<List<PrintedWord>> read = reader.readAll(List.of(stamped("sale", 64, 12, 4, 58), blank(64),
                stamped("promo", 64, 12, 4, 20), stamped("two words", 128, 14, 4, 100)));

        assertThat(read.get(0)).extracting(PrintedWord::text).containsExactly("sale");
        assertThat(read.get(1)).isEmpty();
        assertThat(read.get(2)).extracting(PrintedWord::text).containsExactly("promo");
        assertThat(read.get(3)).extracting(PrintedWord::text).containsExactly("two", "words");
        PixelBox two = read.get(3).get(0).box();
        PixelBox words = read.get(3).get(1).box();
        assertThat(two.x() + two.width()).isLessThanOrEqualTo(words.x() + 2);
    }

    static BufferedImage stamped(String text, int size, int fontSize, int x, int baseline) {
        BufferedImage image = blank(size);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(235, 235, 225));
        g.fillOval(size / 4, size / 4, size / 2, size / 2);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, fontSize));
        g.drawString(text, x, baseline);
        g.dispose();
        return image;
    }

    static BufferedImage blank(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(120, 160, 200));
        g.fillRect(0, 0, size, size);
        g.dispose();
        return image;
    }
}
