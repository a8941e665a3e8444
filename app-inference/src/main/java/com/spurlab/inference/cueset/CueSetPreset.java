package com.spurlab.inference.cueset;

import java.util.List;
import java.util.Locale;

/**
 * Named sets for tests, benchmarks and demonstrations, each with a tiny variant for unit tests. Each
 * full set makes ERM lean on its cue (a low worst-group accuracy on the balanced test split) while its
 * core task stays learnable without the cue. The figures are {@code bench/cuesets.sh} (CueSetCalibration):
 * the CNN, ERM with the platform's default options (5 epochs, model kept by validation worst-group
 * accuracy), seed 1, on the full set; "core" is the same set trained with its cue balanced (agreement
 * 0.5). Measured on the shared 2-core development machine; one seed, so read them to about ±0.05.
 */
public enum CueSetPreset {

    /** The demo: t-shirt vs dress on warm/cool backgrounds, bright backdrop (see {@code DemoSpec.standard()}). */
    DEMO(new CueSetSpec(List.of(0, 3), CueKind.BACKGROUND, null, Backdrop.BRIGHT, 0.95, 2000, 300, 500, 64, 42L,
            ArchiveFormat.manifest()),
            new CueSetSpec(List.of(0, 3), CueKind.BACKGROUND, null, Backdrop.BRIGHT, 0.9, 100, 30, 40, 32, 7L,
                    ArchiveFormat.manifest())),

    /**
     * Sandal vs sneaker on warm/cool backgrounds, with masks and captions. ERM: test accuracy 0.59,
     * worst group 0.16 (sneaker on warm); core 0.90.
     */
    BACKGROUND_MASKS(CueSetSpec.of(CueKind.BACKGROUND, List.of(5, 7)).withSeed(11L), null),

    /**
     * Pullover vs t-shirt, "SALE" stamped on 95 % of the pullovers' training images and 5 % of the
     * t-shirts', image folders only (no manifest, nothing names the word). ERM: test accuracy 0.70, worst
     * group 0.40 (stamped t-shirts); core 0.83. At 64 px the word's ink is 10-15 px high; use
     * {@code withImageSize(96)} for an OCR model (14-23 px).
     */
    STAMPED_WORD(CueSetSpec.of(CueKind.STAMPED_WORD, List.of(2, 0)).withSeed(12L)
            .withFormat(ArchiveFormat.imageFolder()), null),

    /**
     * T-shirt vs shirt under a sepia or blue cast. ERM: test accuracy 0.53, worst group 0.06 (t-shirts in
     * blue); core 0.76.
     */
    COLOUR_CAST(CueSetSpec.of(CueKind.COLOUR_CAST, List.of(0, 6)).withSeed(13L), null),

    /**
     * Dress vs coat on upright-striped vs dotted backgrounds of the same colours. The weakest cue of
     * the presets: ERM takes it up from the second epoch, and selection on validation worst-group
     * accuracy keeps the first: test accuracy 0.85, worst group 0.73 (striped coats); core 0.89.
     */
    TEXTURE(CueSetSpec.of(CueKind.TEXTURE, List.of(3, 4)).withSeed(14L), null),

    /**
     * A harder core task, pullover vs coat, on warm/cool backgrounds with masks and captions. ERM learns
     * the background only: test accuracy 0.51, worst group 0.00 (coats on warm); core 0.74.
     */
    HARD_CORE(CueSetSpec.of(CueKind.BACKGROUND, List.of(2, 4)).withSeed(15L), null);

    private final CueSetSpec spec;
    private final CueSetSpec tiny;

    CueSetPreset(CueSetSpec spec, CueSetSpec tiny) {
        this.spec = spec;
        this.tiny = tiny != null ? tiny
                : spec.withCounts(150, 40, 60).withImageSize(spec.cue() == CueKind.STAMPED_WORD ? 64 : 32)
                        .withTrainCueAgreement(0.9);
    }

    /** The full set, sized for a benchmark: five ERM epochs take about a minute on a 2-core CPU. */
    public CueSetSpec spec() {
        return spec;
    }

    /** For unit tests: 150 train / 40 val / 60 test per class (the demo's: 100/30/40), 32 px (a word: 64 px), 90 %. */
    public CueSetSpec tiny() {
        return tiny;
    }

    /** The preset of a name such as {@code stamped_word} or {@code STAMPED-WORD}. */
    public static CueSetPreset parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
