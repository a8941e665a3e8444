package com.spurlab.core.dataset;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a person changes in the archive for each kind of validation problem, in plain words. */
final class ProblemFixes {

    /** By kind, or by the kind's prefix before ':' (e.g. "image:..."), first match wins. */
    private static final Map<String, String> FIXES = new LinkedHashMap<>();

    static {
        FIXES.put("leak", "Keep each image in one split only: delete the copy from val/test (or from train), so "
                + "scores are measured on images the model never saw.");
        FIXES.put("duplicate", "Remove the repeated rows or files; each image should appear once per split.");
        FIXES.put("missing", "Add the file to the archive at that path, or correct the path in the CSV (paths are "
                + "relative to the CSV's folder, with '/').");
        FIXES.put("mask-missing", "Add the mask file, or leave the mask column empty for that row.");
        FIXES.put("path", "Write paths relative to the archive root with '/' and without '..' or a leading '/'.");
        FIXES.put("image", "Re-save the image as PNG or JPEG (RGB or greyscale) within the size limits.");
        FIXES.put("mask-image", "Re-save the mask as a single-channel PNG.");
        FIXES.put("mask-size", "Save the mask at exactly the size of its image.");
        FIXES.put("mask-channels", "Save the mask as a single-channel (greyscale) PNG, foreground > 0.");
        FIXES.put("columns", "Give every row as many values as the header; quote values that contain commas.");
        FIXES.put("empty", "Fill in the image path and the label on every row.");
        FIXES.put("split", "Use train, val or test (WILDS metadata.csv: 0, 1 or 2).");
        FIXES.put("attr", "Give every row a value for each attribute column, or drop the column.");
        FIXES.put("outside-layout", "Put images in train|val|test/<label>/ folders; other files are ignored, so "
                + "nothing needs fixing unless they were meant as data.");
        FIXES.put("column", "Rename the column to one SpurLab reads (image, label, split, caption, mask, attr:NAME) "
                + "or remove it; it is ignored meanwhile.");
        FIXES.put("twice", "Remove the second copy of the path from the archive.");
        FIXES.put("empty-group", "Add images of this group to the split, or accept that its accuracy cannot be "
                + "measured there.");
        FIXES.put("label-names", "Write label_names.csv as y,name rows (or classes.txt with one name per line).");
        FIXES.put("unnamed-labels", "Add a name for each of these y values to the names file.");
    }

    private ProblemFixes() {
    }

    /** The fix for a problem kind ("missing", "mask missing", "image:not a #", ...); null when none is known. */
    static String of(String kind) {
        String key = kind.startsWith("mask ") ? "mask-" + kind.substring(5) : kind;
        String fix = FIXES.get(key);
        if (fix == null && key.contains(":")) {
            fix = FIXES.get(key.substring(0, key.indexOf(':')));
        }
        return fix;
    }
}
