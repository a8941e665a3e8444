package com.spurlab.inference.synth;

import com.spurlab.inference.data.Augmentation;
import com.spurlab.inference.data.PerceptualHash;
import com.spurlab.inference.edit.CounterfactualEditor;
import com.spurlab.inference.edit.EditSample;
import com.spurlab.inference.edit.mask.ImageFiles;
import com.spurlab.inference.edit.mask.RegionMask;
import com.spurlab.inference.edit.mask.TextBox;
import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes one new image: the recipe's operation on a source (with a donor where it takes one), then augmentation,
 * then the PNG (and its mask) under the run's folder. Every random choice comes from the item's own seed, so the
 * images do not depend on the order threads make them in. Thread-safe.
 */
final class ItemMaker {

    /** Inpainted sources kept for reuse when a group needs more images than it has sources, at most. */
    private static final int CLEAN_CACHE = 1024;

    /** A made item with its look, or why it could not be made. */
    record Made(SynthesizedItem item, PerceptualHash hash, String problem) {
    }

    private final Ingredients ingredients;
    private final CueValues cue;
    private final Augmentation augmentation;
    private final Path folder;
    private final CounterfactualEditor editor;
    private final Map<String, BufferedImage> cleaned = new ConcurrentHashMap<>();

    ItemMaker(Ingredients ingredients, CueValues cue, Augmentation augmentation, Path folder, CounterfactualEditor editor) {
        this.ingredients = ingredients;
        this.cue = cue;
        this.augmentation = augmentation;
        this.folder = folder;
        this.editor = editor;
    }

    Made make(String itemId, Ingredients.Recipe recipe, EditSample source, long seed) {
        Random random = new Random(seed);
        try {
            BufferedImage image = ImageFiles.readRgb(source.imageFile());
            RegionMask mask = null;
            EditSample donor = null;
            BufferedImage made;
            switch (recipe.operation()) {
                case "REPLACE_BACKGROUND" -> {
                    donor = recipe.donors().get(random.nextInt(recipe.donors().size()));
                    mask = ingredients.masks.get(source.sampleId()).mask();
                    made = editor.composite(image, mask, ingredients.backgrounds.get(donor.sampleId()));
                }
                case "INPAINT" -> {
                    made = clean(source, image);
                    mask = manifestMask(source, image);
                }
                default -> {
                    donor = recipe.donors().get(random.nextInt(recipe.donors().size()));
                    List<WordInk> words = ingredients.inks.get(donor.sampleId());
                    made = words.get(random.nextInt(words.size())).layOn(image, random);
                    if (made == null) {
                        return new Made(null, null, "the word of donor " + donor.sampleId() + " is larger than the image of "
                                + source.sampleId());
                    }
                    mask = manifestMask(source, image);
                }
            }
            Augmentation.Draw draw = augmentation.draw(random);
            BufferedImage augmented = Augmentation.apply(draw, made);
            Path imageFile = folder.resolve("added").resolve(itemId + ".png");
            ImageFiles.writePng(augmented, imageFile);
            Path maskFile = null;
            if (mask != null) {
                maskFile = folder.resolve("masks").resolve(itemId + ".png");
                ImageFiles.writePng(RegionMask.of(mask.width(), mask.height(), Augmentation.applyGeometry(draw, mask.pixels(),
                        mask.width(), mask.height())).toImage(), maskFile);
            }
            List<String> sources = new ArrayList<>(List.of(source.sampleId()));
            if (donor != null) {
                sources.add(donor.sampleId());
            }
            FillPlan.Fill f = recipe.fill();
            return new Made(new SynthesizedItem(itemId, imageFile, maskFile, f.label(), f.value(), f.group(), sources,
                    recipe.operation(), seed, draw.toString()), PerceptualHash.of(augmented), null);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return new Made(null, null, "from sample " + source.sampleId() + ": " + e.getMessage());
        }
    }

    /** The source with the cue's word inpainted away (the boxes grown by EDIT's text padding). */
    private BufferedImage clean(EditSample source, BufferedImage image) {
        BufferedImage cached = cleaned.get(source.sampleId());
        if (cached != null) {
            return cached;
        }
        List<TextBox> boxes = cue.boxes(source.sampleId());
        BufferedImage clean = editor.inpaint(image, RegionMask.ofBoxes(image.getWidth(), image.getHeight(),
                boxes.stream().map(TextBox::box).toList(), WordInk.PAD));
        if (cleaned.size() < CLEAN_CACHE) {
            cleaned.put(source.sampleId(), clean);
        }
        return clean;
    }

    /** The source's own manifest mask, when it has one of the image's size: a text edit leaves the foreground alone. */
    private static RegionMask manifestMask(EditSample source, BufferedImage image) {
        if (source.maskFile() == null) {
            return null;
        }
        RegionMask mask = RegionMask.read(source.maskFile());
        return mask.covers(image.getWidth(), image.getHeight()) ? mask : null;
    }
}
