package com.spurlab.inference.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.data.PixelBox;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CounterfactualConceptsTest {

    @TempDir
    Path dir;

    /** A blue square object (10..21) on a red background, 32 px. */
    private static BufferedImage scene() {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 32, 32);
        g.setColor(Color.BLUE);
        g.fillRect(10, 10, 12, 12);
        g.dispose();
        return image;
    }

    private Path mask(int size, int from, int to) throws IOException {
        BufferedImage mask = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = mask.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(from, from, to - from, to - from);
        g.dispose();
        Path file = dir.resolve("mask-" + size + ".png");
        ImageIO.write(mask, "png", file.toFile());
        return file;
    }

    private static ConceptSource source(Path mask, List<PixelBox> boxes) {
        return new ConceptSource(new LabeledImage("1", Path.of("1.png"), 0, "bag|warm"), "warm", mask, boxes);
    }

    @Test
    void aRegionCueKeepsTheObjectOnGreyOrTheBackgroundWithTheObjectInpainted() throws IOException {
        CounterfactualConcepts concepts = CounterfactualConcepts.forCue("attribute:background");
        ConceptSource masked = source(mask(32, 10, 22), List.of());

        BufferedImage object = concepts.withoutCue(scene(), masked);
        assertThat(new Color(object.getRGB(2, 2))).isEqualTo(new Color(128, 128, 128));
        assertThat(new Color(object.getRGB(16, 16))).isEqualTo(Color.BLUE);
        BufferedImage background = concepts.withoutObject(scene(), masked);
        Color centre = new Color(background.getRGB(16, 16));
        assertThat(centre.getRed()).isGreaterThan(200);
        assertThat(centre.getBlue()).isLessThan(60);
        assertThat(concepts.withoutCueDescription()).contains("REMOVE_BACKGROUND");
    }

    @Test
    void withoutAUsableMaskTheSampleIsLeftToTheApproximation() throws IOException {
        CounterfactualConcepts concepts = CounterfactualConcepts.forCue("keyword:warm");
        assertThat(concepts.withoutCue(scene(), source(null, List.of()))).isNull();
        assertThat(concepts.withoutObject(scene(), source(null, List.of()))).isNull();
        ConceptSource otherSize = source(mask(16, 4, 10), List.of());
        assertThat(concepts.withoutCue(scene(), otherSize)).isNull();
        assertThat(concepts.withoutObject(scene(), otherSize)).isNull();
    }

    @Test
    void aPrintedWordIsInpaintedOutOfTheObjectAndCroppedOutAsTheCue() {
        BufferedImage stamped = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = stamped.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 32, 32);
        g.setColor(Color.BLACK);
        g.fillRect(4, 4, 8, 4);
        g.dispose();
        CounterfactualConcepts concepts = CounterfactualConcepts.forCue("text:sale");
        ConceptSource word = source(null, List.of(new PixelBox(4, 4, 8, 4)));

        BufferedImage object = concepts.withoutCue(stamped, word);
        assertThat(new Color(object.getRGB(7, 5)).getRed()).isGreaterThan(200);
        BufferedImage cue = concepts.withoutObject(stamped, word);
        assertThat(cue.getWidth()).isEqualTo(8);
        assertThat(cue.getHeight()).isEqualTo(4);
        assertThat(new Color(cue.getRGB(3, 2))).isEqualTo(Color.BLACK);
        ConceptSource plain = source(null, List.of());
        assertThat(concepts.withoutCue(stamped, plain)).isSameAs(stamped);
        assertThat(concepts.withoutObject(stamped, plain)).isNull();
    }
}
