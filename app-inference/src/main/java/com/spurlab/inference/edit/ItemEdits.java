package com.spurlab.inference.edit;

import com.spurlab.inference.data.PixelBox;
import com.spurlab.inference.edit.EditPlan.Target;
import com.spurlab.inference.edit.mask.ImageFiles;
import com.spurlab.inference.edit.mask.MaskSource;
import com.spurlab.inference.edit.mask.RegionMask;
import com.spurlab.inference.edit.mask.ResolvedMask;
import com.spurlab.inference.edit.mask.TextBox;
import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Makes one target's edit and its control edit and writes both as PNGs. The control is the same
 * operation on the same amount of pixels with the cue left as it was:
 * <ul>
 *   <li>background cues (REPLACE_BACKGROUND, REMOVE_BACKGROUND, ADD_CUE): every background pixel is
 *       re-rendered from a donor with the target's <em>own</em> value of the cue (warm stays warm),
 *       through the same inpainting and compositing. Any change of a background cue's pixels touches
 *       the cue's area, so what the control holds fixed is the cue's value, and what it reproduces is
 *       the edit's artefacts: seams, inpainted holes, a background that is not the image's own;</li>
 *   <li>INPAINT: the word's region moved by a random offset to a place that holds no text, and inpainted there;</li>
 *   <li>ADD_CUE with a word: a crop of the same size from a text-free place of the same donor image,
 *       pasted at the same place.</li>
 * </ul>
 * Thread-safe: targets are edited in parallel.
 */
final class ItemEdits {

    /** Text boxes are grown by this many pixels so the word's anti-aliased edge is edited too. */
    static final int TEXT_PAD = 2;
    private static final int PLACEMENT_TRIES = 200;
    /** Inpainted donor backgrounds kept for reuse, at most. */
    private static final int BACKGROUND_CACHE = 1024;

    /** What one target gave: an item, or why not; its control file, or why not. */
    record Outcome(EditSample sample, EditedItem item, Path controlFile, String problem, String controlProblem) {
    }

    private final EditPlan plan;
    private final Map<String, ResolvedMask> masks;
    private final Path targetDir;
    private final CounterfactualEditor editor = new CounterfactualEditor();
    private final Map<String, BufferedImage> backgrounds = new ConcurrentHashMap<>();
    private final Map<String, List<EditSample>> pools = new ConcurrentHashMap<>();
    private final Set<String> usable;

    ItemEdits(EditPlan plan, Map<String, ResolvedMask> masks, Path targetDir) {
        this.plan = plan;
        this.masks = masks;
        this.targetDir = targetDir;
        this.usable = masks.entrySet().stream().filter(e -> usable(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Edits one target; its control only when {@code withControl} (controls count only for correctly classified originals). */
    Outcome edit(Target target, long seed, boolean withControl) {
        EditSample sample = target.sample();
        Random random = new Random(seed);
        try {
            BufferedImage image = ImageFiles.readRgb(sample.imageFile());
            Made edit;
            Made control;
            if (plan.isText()) {
                edit = plan.operation == EditOperation.INPAINT ? inpaintWord(sample, image) : pasteWord(target, image, random);
                control = !withControl ? null : plan.operation == EditOperation.INPAINT
                        ? inpaintElsewhere(sample, image, edit, random) : pasteBlank(image, edit, random);
            } else {
                ResolvedMask foreground = usableMask(sample);
                if (foreground == null) {
                    return new Outcome(sample, null, null, problemOf(sample), null);
                }
                edit = background(target, image, foreground, random);
                EditSample controlDonor = withControl ? pick(pool("control", target.value()), sample, random) : null;
                control = controlDonor == null ? null : new Made(editor.composite(image, foreground.mask(),
                        backgroundOf(controlDonor)), controlDonor, foreground.source(), null, null, null);
            }
            if (edit.image() == null) {
                return new Outcome(sample, null, null, edit.problem(), null);
            }
            String name = String.format("%05d-%s.png", target.index(), safe(sample.sampleId()));
            Path editedFile = targetDir.resolve("edited").resolve(name);
            ImageFiles.writePng(edit.image(), editedFile);
            EditedItem item = new EditedItem(sample.sampleId(), sample.split(), sample.label(), sample.group(), editedFile,
                    plan.operation, seed, edit.source(), edit.donor() == null ? null : edit.donor().sampleId(),
                    attributesAfter(sample, edit.donor()));
            if (!withControl) {
                return new Outcome(sample, item, null, null, null);
            }
            if (control == null || control.image() == null) {
                return new Outcome(sample, item, null, null, control == null ? "no other image of sample " + sample.sampleId()
                        + "'s own value of the cue to take a control background from" : control.problem());
            }
            Path controlFile = targetDir.resolve("control").resolve(name);
            ImageFiles.writePng(control.image(), controlFile);
            return new Outcome(sample, item, controlFile, null, null);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return new Outcome(sample, null, null, "sample " + sample.sampleId() + ": " + e.getMessage(), null);
        }
    }

    /** An edited image with what it used; or, with a null image, why it could not be made. */
    private record Made(BufferedImage image, EditSample donor, MaskSource source, String problem, int[] box,
            BufferedImage donorImage) {
        static Made failed(String problem) {
            return new Made(null, null, null, problem, null, null);
        }
    }

    private Made background(Target target, BufferedImage image, ResolvedMask foreground, Random random) {
        if (plan.operation == EditOperation.REMOVE_BACKGROUND) {
            return new Made(editor.removeBackground(image, foreground.mask(), CounterfactualEditor.NEUTRAL), null,
                    foreground.source(), null, null, null);
        }
        EditSample donor = pick(pool("edit", target.value()), target.sample(), random);
        if (donor == null) {
            return Made.failed("sample " + target.sample().sampleId() + ": no image with another value of " + plan.cue
                    + " has a usable foreground mask to take a background from");
        }
        return new Made(editor.composite(image, foreground.mask(), backgroundOf(donor)), donor, foreground.source(), null,
                null, null);
    }

    private Made inpaintWord(EditSample sample, BufferedImage image) {
        RegionMask region = RegionMask.ofBoxes(image.getWidth(), image.getHeight(), boxes(plan.cueBoxes(sample.sampleId())),
                TEXT_PAD);
        if (region.isEmpty()) {
            return Made.failed("sample " + sample.sampleId() + ": its text boxes lie outside its " + image.getWidth() + "x"
                    + image.getHeight() + " image");
        }
        return new Made(editor.inpaint(image, region), null, MaskSource.TEXT_BOXES, null, region.bounds(), null);
    }

    /** The word's region moved to a random text-free place of the same image and inpainted there. */
    private Made inpaintElsewhere(EditSample sample, BufferedImage image, Made edit, Random random) {
        if (edit.image() == null) {
            return null;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        RegionMask region = RegionMask.ofBoxes(w, h, boxes(plan.cueBoxes(sample.sampleId())), TEXT_PAD);
        RegionMask text = RegionMask.ofBoxes(w, h, boxes(plan.boxes(sample.sampleId())), TEXT_PAD);
        int[] b = edit.box();
        for (int i = 0; i < PLACEMENT_TRIES && b[2] < w && b[3] < h; i++) {
            int dx = random.nextInt(w - b[2] + 1) - b[0];
            int dy = random.nextInt(h - b[3] + 1) - b[1];
            RegionMask moved = region.translated(dx, dy);
            if (!moved.intersects(text)) {
                return new Made(editor.inpaint(image, moved), null, MaskSource.TEXT_BOXES, null, null, null);
            }
        }
        return Made.failed("no text-free place of sample " + sample.sampleId() + " holds a " + b[2] + "x" + b[3]
                + " control region");
    }

    /** A crop of a donor's word pasted at a random place. */
    private Made pasteWord(Target target, BufferedImage image, Random random) {
        EditSample donor = pick(pool("edit", target.value()), target.sample(), random);
        if (donor == null) {
            return Made.failed("sample " + target.sample().sampleId() + ": no other image shows " + plan.cue);
        }
        BufferedImage donorImage = ImageFiles.readRgb(donor.imageFile());
        List<TextBox> words = plan.cueBoxes(donor.sampleId());
        TextBox word = words.get(random.nextInt(words.size()));
        int[] box = RegionMask.ofBoxes(donorImage.getWidth(), donorImage.getHeight(), List.of(word.box()), TEXT_PAD)
                .bounds();
        if (box[2] == 0 || box[2] > image.getWidth() || box[3] > image.getHeight()) {
            return Made.failed("sample " + target.sample().sampleId() + ": the word of donor " + donor.sampleId()
                    + " does not fit its " + image.getWidth() + "x" + image.getHeight() + " image");
        }
        BufferedImage crop = editor.crop(donorImage, box[0], box[1], box[2], box[3]);
        int x = random.nextInt(image.getWidth() - box[2] + 1);
        int y = random.nextInt(image.getHeight() - box[3] + 1);
        return new Made(editor.paste(image, crop, x, y), donor, MaskSource.TEXT_BOXES, null,
                new int[] {x, y, box[2], box[3]}, donorImage);
    }

    /** A text-free crop of the same donor, the word's size, pasted where the word went. */
    private Made pasteBlank(BufferedImage image, Made edit, Random random) {
        if (edit.image() == null) {
            return null;
        }
        BufferedImage donorImage = edit.donorImage();
        int w = donorImage.getWidth();
        int h = donorImage.getHeight();
        int[] b = edit.box();
        RegionMask text = RegionMask.ofBoxes(w, h, boxes(plan.boxes(edit.donor().sampleId())), TEXT_PAD);
        for (int i = 0; i < PLACEMENT_TRIES && b[2] < w && b[3] < h; i++) {
            int x = random.nextInt(w - b[2] + 1);
            int y = random.nextInt(h - b[3] + 1);
            RegionMask place = RegionMask.ofBoxes(w, h, List.of(new PixelBox(x, y, b[2], b[3])), 0);
            if (!place.intersects(text)) {
                return new Made(editor.paste(image, editor.crop(donorImage, x, y, b[2], b[3]), b[0], b[1]), edit.donor(),
                        MaskSource.TEXT_BOXES, null, null, null);
            }
        }
        return Made.failed("no text-free place of donor " + edit.donor().sampleId() + " holds a " + b[2] + "x" + b[3]
                + " control crop");
    }

    private BufferedImage backgroundOf(EditSample donor) {
        BufferedImage cached = backgrounds.get(donor.sampleId());
        if (cached != null) {
            return cached;
        }
        BufferedImage background = editor.backgroundOf(ImageFiles.readRgb(donor.imageFile()),
                masks.get(donor.sampleId()).mask());
        // Bounded: a large split would otherwise hold every background in memory.
        if (backgrounds.size() < BACKGROUND_CACHE) {
            backgrounds.put(donor.sampleId(), background);
        }
        return background;
    }

    /** The edit or control pool of a cue value, less donors without a usable mask; computed once per value. */
    private List<EditSample> pool(String kind, String value) {
        return pools.computeIfAbsent(kind + "\u0000" + value, k -> {
            List<EditSample> all = kind.equals("edit") ? plan.editPool(value) : plan.controlPool(value);
            return plan.isText() ? all : all.stream().filter(d -> usable.contains(d.sampleId())).toList();
        });
    }

    /** A donor drawn at random from {@code pool}, never the target itself; null when there is none. */
    private static EditSample pick(List<EditSample> pool, EditSample target, Random random) {
        boolean onlyTarget = pool.size() == 1 && pool.get(0).sampleId().equals(target.sampleId());
        if (pool.isEmpty() || onlyTarget) {
            return null;
        }
        EditSample donor;
        do {
            donor = pool.get(random.nextInt(pool.size()));
        } while (donor.sampleId().equals(target.sampleId()));
        return donor;
    }

    private ResolvedMask usableMask(EditSample sample) {
        return usable.contains(sample.sampleId()) ? masks.get(sample.sampleId()) : null;
    }

    private static boolean usable(ResolvedMask m) {
        int area = m.mask().area();
        return area > 0 && area < m.mask().width() * m.mask().height();
    }

    private String problemOf(EditSample sample) {
        ResolvedMask m = masks.get(sample.sampleId());
        if (m == null) {
            return "sample " + sample.sampleId() + " has no foreground mask";
        }
        return "the foreground mask of sample " + sample.sampleId() + " (" + m.source() + ") is "
                + (m.mask().isEmpty() ? "empty: no pixel is marked" : "full: no background is left") + "; it was skipped";
    }

    private Map<String, String> attributesAfter(EditSample sample, EditSample donor) {
        Map<String, String> after = new HashMap<>(sample.attributes());
        if (plan.cue.kind() == EditCue.Kind.ATTRIBUTE) {
            if (plan.operation == EditOperation.REMOVE_BACKGROUND) {
                after.put(plan.cue.name(), "removed");
            } else if (donor != null && donor.attributes().containsKey(plan.cue.name())) {
                after.put(plan.cue.name(), donor.attributes().get(plan.cue.name()));
            }
        }
        return after;
    }

    private static List<PixelBox> boxes(List<TextBox> words) {
        return words.stream().map(TextBox::box).toList();
    }

    /** A file-name-safe form of a sample id: it names files under the caller's folder, never a path. */
    static String safe(String sampleId) {
        String s = sampleId.replaceAll("[^A-Za-z0-9._-]", "_");
        s = s.replaceAll("^\\.+", "_");
        return s.length() > 80 ? s.substring(0, 80) : s;
    }
}
