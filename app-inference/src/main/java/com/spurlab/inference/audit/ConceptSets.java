package com.spurlab.inference.audit;

import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.eval.ScoredSamples;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import javax.imageio.ImageIO;

/**
 * Turns a {@link ConceptSetPlan} into the model's embeddings of its four sets, all scored in one pass. A
 * {@link ConceptDesign#CUE_CONTRAST} plan is whole images. An {@link ConceptDesign#ISOLATED_CONCEPTS} plan has
 * each target image's cue and each attribute image's object taken out by the editor (written as PNGs under a
 * work folder); for a sample the editor cannot edit, the whole image stands in and the set is marked approximate.
 */
final class ConceptSets {

    /** The four sets of one test. */
    record Embedded(ConceptSet x, ConceptSet y, ConceptSet a, ConceptSet b) {
    }

    private final ClassifierEvaluator evaluator;
    private final ConceptImageEditor editor;

    /** @param editor may be {@code null} when only {@link ConceptDesign#CUE_CONTRAST} plans are embedded */
    ConceptSets(ClassifierEvaluator evaluator, ConceptImageEditor editor) {
        this.evaluator = evaluator;
        this.editor = editor;
    }

    /** @param known embeddings of the split's own images by sample id (what a cue-contrast plan is made of) */
    Embedded embed(ConceptSetPlan plan, Path modelDir, Path workDir, Map<String, float[]> known) {
        boolean contrast = plan.design() == ConceptDesign.CUE_CONTRAST;
        List<String> names = plan.names();
        List<List<ConceptSource>> members = List.of(plan.x(), plan.y(), plan.a(), plan.b());
        String values = plan.valueA() + " and " + plan.valueB();
        String labels = plan.labelX() + " and " + plan.labelY();
        List<LabeledImage> images = new ArrayList<>();
        List<String> constructions = new ArrayList<>();
        List<Boolean> approximate = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            boolean target = s < 2;
            String balance = "balanced over " + (contrast == target ? labels : values);
            if (contrast) {
                members.get(s).forEach(m -> images.add(m.image()));
                constructions.add(members.get(s).size() + " whole images " + (target ? "showing " + names.get(s) + ", "
                        : "of " + names.get(s) + ", ") + balance);
                approximate.add(false);
            } else {
                Edited e = edit(members.get(s), (s == 0 ? "X-" : s == 1 ? "Y-" : s == 2 ? "A-" : "B-") + names.get(s), workDir,
                        target, images);
                constructions.add(e.construction(target, balance));
                approximate.add(e.whole() > 0);
            }
        }
        float[][] all = contrast ? images.stream().map(i -> known(known, i)).toArray(float[][]::new)
                : evaluator.score(modelDir, images).embeddings();
        ConceptSet[] sets = new ConceptSet[4];
        int at = 0;
        for (int s = 0; s < 4; s++) {
            int n = members.get(s).size();
            sets[s] = new ConceptSet(names.get(s), Arrays.copyOfRange(all, at, at + n), constructions.get(s), approximate.get(s));
            at += n;
        }
        return new Embedded(sets[0], sets[1], sets[2], sets[3]);
    }

    private static float[] known(Map<String, float[]> known, LabeledImage image) {
        float[] e = known.get(image.sampleId());
        if (e == null) {
            throw new IllegalStateException("sample " + image.sampleId() + " of a concept set was not scored with the split");
        }
        return e;
    }

    /** How many images of a set were edited, and how many stayed whole for want of a mask or box. */
    private record Edited(int size, int whole, String description) {

        String construction(boolean target, String balance) {
            String what = size + " images " + balance + ", ";
            if (whole == size) {
                return what + "whole images (APPROXIMATION: no " + (target ? "cue region" : "object region")
                        + " is known, so the " + (target ? "cue" : "object") + " stays in the image)";
            }
            return what + description + (whole == 0 ? "" : "; " + whole + " of them whole images (APPROXIMATION: no mask or box)");
        }
    }

    private Edited edit(List<ConceptSource> sources, String setName, Path workDir, boolean target, List<LabeledImage> out) {
        BiFunction<BufferedImage, ConceptSource, BufferedImage> edit = editor == null ? null
                : target ? editor::withoutCue : editor::withoutObject;
        Path folder = workDir.resolve(setName.replaceAll("[^A-Za-z0-9._-]", "_"));
        int whole = 0;
        for (int n = 0; n < sources.size(); n++) {
            ConceptSource s = sources.get(n);
            BufferedImage edited = edit == null ? null : edit.apply(read(s.image().imageFile()), s);
            Path file = s.image().imageFile();
            if (edited == null) {
                whole++;
            } else {
                file = folder.resolve(String.format("%05d.png", n));
                write(edited, file);
            }
            out.add(new LabeledImage(s.image().sampleId(), file, s.image().label(), s.image().group()));
        }
        String description = editor == null ? "" : target ? editor.withoutCueDescription() : editor.withoutObjectDescription();
        return new Edited(sources.size(), whole, description);
    }

    private static BufferedImage read(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IOException("not a decodable image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " for a concept set", e);
        }
    }

    private static void write(BufferedImage image, Path file) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the concept image " + file, e);
        }
    }
}
