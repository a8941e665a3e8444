package com.spurlab.inference.audit;

import com.spurlab.inference.data.PixelBox;
import com.spurlab.inference.edit.CounterfactualEditor;
import com.spurlab.inference.edit.mask.RegionMask;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.Supplier;

/**
 * The concept edits made with EDIT's {@link CounterfactualEditor}. A region cue (an attribute or keyword of the
 * background): the object alone is REMOVE_BACKGROUND with the foreground mask, the cue alone the mask's inpainted
 * background. A printed word: the object alone is the image with the word's boxes inpainted (an image without the word
 * is already that), the cue alone the crop of its box. A sample without a usable mask or box gets {@code null}: its
 * concept set is then the whole image, marked as an approximation.
 */
public final class CounterfactualConcepts implements ConceptImageEditor {

    /** Pixels added around a word's box before inpainting, so the ink's anti-aliased rim goes too. */
    private static final int WORD_PAD = 2;

    private final CounterfactualEditor editor = new CounterfactualEditor();
    private final boolean printedWord;

    private CounterfactualConcepts(boolean printedWord) {
        this.printedWord = printedWord;
    }

    /** The edits for a cue named as in DESIGN.md: a printed word ({@code text:}) by its boxes, others by the mask. */
    public static CounterfactualConcepts forCue(String cue) {
        return new CounterfactualConcepts(cue.startsWith("text:"));
    }

    /**
     * Whether any sample has what the edits need (a mask, or a printed word's boxes): without, every isolated concept
     * set would be an approximation, so the step runs the cue-contrast tests alone.
     */
    public boolean canIsolate(List<ConceptSource> samples) {
        return samples.stream().anyMatch(s -> printedWord ? !s.cueBoxes().isEmpty() : s.foregroundMask() != null);
    }

    @Override
    public BufferedImage withoutCue(BufferedImage image, ConceptSource source) {
        if (printedWord) {
            return source.cueBoxes().isEmpty() ? image : orNull(() -> editor.inpaint(image,
                    RegionMask.ofBoxes(image.getWidth(), image.getHeight(), source.cueBoxes(), WORD_PAD)));
        }
        return source.foregroundMask() == null ? null : orNull(() -> editor.removeBackground(image,
                RegionMask.read(source.foregroundMask()), CounterfactualEditor.NEUTRAL));
    }

    @Override
    public BufferedImage withoutObject(BufferedImage image, ConceptSource source) {
        if (printedWord) {
            List<PixelBox> boxes = source.cueBoxes();
            return boxes.isEmpty() ? null : orNull(() -> editor.crop(image, boxes.get(0).x(), boxes.get(0).y(),
                    boxes.get(0).width(), boxes.get(0).height()));
        }
        return source.foregroundMask() == null ? null
                : orNull(() -> editor.backgroundOf(image, RegionMask.read(source.foregroundMask())));
    }

    @Override
    public String withoutCueDescription() {
        return printedWord ? "the printed word's boxes (grown " + WORD_PAD + " px) inpainted (EDIT's INPAINT, Telea)"
                : "the background outside the foreground mask painted neutral grey (EDIT's REMOVE_BACKGROUND)";
    }

    @Override
    public String withoutObjectDescription() {
        return printedWord ? "the printed word's box cropped out"
                : "the foreground mask (grown 2 px) inpainted from the background around it (EDIT's backgroundOf)";
    }

    /** A mask of another size, empty or covering the whole image cannot isolate anything: an approximation then. */
    private static BufferedImage orNull(Supplier<BufferedImage> edit) {
        try {
            return edit.get();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
