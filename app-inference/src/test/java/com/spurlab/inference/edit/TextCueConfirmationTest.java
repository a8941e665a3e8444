package com.spurlab.inference.edit;

import static org.assertj.core.api.Assertions.assertThat;

import com.spurlab.inference.cueset.CueSetArchive;
import com.spurlab.inference.cueset.CueSetGenerator;
import com.spurlab.inference.cueset.CueSetPreset;
import com.spurlab.inference.cueset.CueSetSplits;
import com.spurlab.inference.cueset.GeneratedCueSet;
import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.edit.mask.ImageFiles;
import com.spurlab.inference.edit.mask.SegmentationSettings;
import com.spurlab.inference.edit.mask.TextBox;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.extract.ocr.PrintedWord;
import com.spurlab.inference.extract.ocr.TextReader;
import com.spurlab.inference.train.ClassifierTrainer;
import com.spurlab.inference.train.MethodOptions;
import com.spurlab.inference.train.TrainingMethod;
import com.spurlab.inference.train.TrainingProgress;
import com.spurlab.inference.train.TrainingSettings;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A printed-word cue: the shared generator's STAMPED_WORD set ("SALE" on 90 % of class 0's training
 * images and 10 % of class 1's, balanced test, 64 px, image folders), the word's boxes as OCR hands
 * them over, an ERM model that reads the word.
 */
class TextCueConfirmationTest {

    @TempDir
    static Path dir;
    static CueSetSamples set;
    static List<TextBox> boxes;
    static Path erm;
    /** A channel difference this large is the word's ink, not texture or blur. */
    private static final int INK = 80;

    @BeforeAll
    static void trainErm() throws IOException {
        set = CueSetSamples.of(CueSetPreset.STAMPED_WORD.tiny(), dir);
        boxes = set.trueBoxes();
        CueSetSplits s = set.splits();
        TrainingSettings settings = new TrainingSettings(TrainingMethod.ERM, s.classNames(), 64, 3, 32, 3e-3f, 5L,
                MethodOptions.defaults());
        erm = new ClassifierTrainer().train(settings, s.train(), s.validation(), dir.resolve("erm"),
                TrainingProgress.NONE).modelDir();
    }

    private static EditResult run(EditOperation operation, String out) {
        return new CueConfirmation(new ClassifierEvaluator()).run(EditRequest.of(1, "text:sale", operation),
                set.samples(), boxes, erm, dir.resolve(out), SegmentationSettings.defaults(), EditProgress.NONE);
    }

    @Test
    void inpaintingTheWordFlipsErmFarMoreThanInpaintingTheSameAreaElsewhereAndConfirmsTheCue() throws IOException {
        EditResult r = run(EditOperation.INPAINT, "inpaint");
        System.out.printf("INPAINT: n %d correct %d flipped %d rate %.3f [%.3f, %.3f] control %.3f (%d)%n", r.n(),
                r.correctBefore(), r.flipped(), r.flipRate(), r.ciLow(), r.ciHigh(), r.controlFlipRate(), r.controlN());

        long stampedTest = set.set().samples("test").stream().filter(s -> s.textBox() != null).count();
        assertThat(r.n()).isEqualTo((int) stampedTest);
        assertThat(r.flipRate()).isGreaterThan(r.controlFlipRate() + 0.2);
        assertThat(r.confirmed()).isTrue();

        // Against the generator's twins (the same images never stamped): the word's ink is the pixels where the
        // stamped original differs strongly from its twin; after inpainting, few of them still do.
        GeneratedCueSet twins = CueSetGenerator.writeCounterfactual(CueSetGenerator.DEFAULT_SOURCE,
                dir.resolve("twins.zip"), CueSetPreset.STAMPED_WORD.tiny(), "test");
        Map<String, Path> twin = CueSetArchive.extract(twins, dir.resolve("twins")).test().stream()
                .collect(Collectors.toMap(LabeledImage::sampleId, LabeledImage::imageFile));
        int ink = 0;
        int left = 0;
        for (EditedPair p : r.pairs()) {
            BufferedImage plain = ImageFiles.readRgb(twin.get(p.sampleId()));
            BufferedImage stamped = ImageFiles.readRgb(p.originalFile());
            BufferedImage inpainted = ImageFiles.readRgb(p.editedFile());
            for (int y = 0; y < plain.getHeight(); y++) {
                for (int x = 0; x < plain.getWidth(); x++) {
                    if (difference(stamped, plain, x, y) > INK) {
                        ink++;
                        left += difference(inpainted, plain, x, y) > INK ? 1 : 0;
                    }
                }
            }
        }
        System.out.printf("ink pixels of the word: %d, still ink-like after inpainting: %d%n", ink, left);
        assertThat(ink).isGreaterThan(50 * r.n());
        assertThat((double) left / ink).isLessThan(0.1);
    }

    @Test
    void pastingTheWordOntoTheOtherLabelFlipsErmAndConfirmsTheCue() {
        EditResult r = run(EditOperation.ADD_CUE, "add");
        System.out.printf("ADD_CUE: n %d correct %d flipped %d rate %.3f [%.3f, %.3f] control %.3f (%d)%n", r.n(),
                r.correctBefore(), r.flipped(), r.flipRate(), r.ciLow(), r.ciHigh(), r.controlFlipRate(), r.controlN());

        // SALE goes with class 0 in training: the plain test images of class 1 get it.
        assertThat(r.pairs()).isNotEmpty().allSatisfy(p -> assertThat(p.label()).isEqualTo(1));
        assertThat(r.items()).allSatisfy(i -> assertThat(i.donorSampleId()).isNotNull());
        assertThat(r.confirmed()).isTrue();
    }

    @Test
    void withBoxesFromOcrInpaintingLeavesTheWordUnreadInNineOfTenImagesAndConfirmsTheCue() {
        List<EditSample> test = set.split("test");
        try (TextReader reader = TextReader.open()) {
            List<List<PrintedWord>> words = reader.readAll(test.stream().map(s -> ImageFiles.readRgb(s.imageFile())).toList());
            List<TextBox> read = new ArrayList<>();
            for (int i = 0; i < test.size(); i++) {
                for (PrintedWord w : words.get(i)) {
                    read.add(new TextBox(test.get(i).sampleId(), w.text(), w.box().x(), w.box().y(), w.box().width(), w.box().height()));
                }
            }
            EditResult r = new CueConfirmation(new ClassifierEvaluator()).run(EditRequest.of(1, "text:sale",
                    EditOperation.INPAINT), set.samples(), read, erm, dir.resolve("ocr"), SegmentationSettings.defaults(),
                    EditProgress.NONE);
            List<List<PrintedWord>> after = reader.readAll(r.pairs().stream()
                    .map(p -> ImageFiles.readRgb(p.editedFile())).toList());
            long stillRead = after.stream().filter(ws -> ws.stream().anyMatch(w -> w.text().contains("sale"))).count();
            long stamped = set.set().samples("test").stream().filter(s -> s.textBox() != null).count();
            System.out.printf("OCR read SALE in %d of %d stamped test images; after INPAINT still in %d of %d;"
                    + " flip rate %.3f [%.3f, %.3f] vs control %.3f%n", r.n(), stamped, stillRead, r.n(), r.flipRate(),
                    r.ciLow(), r.ciHigh(), r.controlFlipRate());

            assertThat(r.n()).isGreaterThanOrEqualTo((int) (0.8 * stamped));
            assertThat(1 - (double) stillRead / r.n()).isGreaterThanOrEqualTo(0.9);
            assertThat(r.confirmed()).isTrue();
        }
    }

    /** Largest channel difference of two images at one pixel. */
    private static int difference(BufferedImage a, BufferedImage b, int x, int y) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        int max = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            max = Math.max(max, Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF)));
        }
        return max;
    }
}
