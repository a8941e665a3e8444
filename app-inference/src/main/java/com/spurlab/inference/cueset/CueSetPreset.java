package com.spurlab.inference.cueset;

import java.util.List;
import java.util.Locale;

/**
 * Named sets for tests, benchmarks and demonstrations, each with a tiny variant for unit tests. Each
 * full set is meant to make ERM lean on its cue (a low worst-group accuracy on the balanced test split)
 * while its core task stays learnable without the cue.
 */
public enum CueSetPreset {

    /** The demo: t-shirt vs dress on warm/cool backgrounds (see {@code DemoSpec.standard()}). */
    DEMO(new CueSetSpec(List.of(0, 3), CueKind.BACKGROUND, null, Backdrop.BRIGHT, 0.95, 2000, 300, 500, 64, 42L, ArchiveFormat.manifest()),
            new CueSetSpec(List.of(0, 3), CueKind.BACKGROUND, null, Backdrop.BRIGHT, 0.9, 100, 30, 40, 32, 7L, ArchiveFormat.manifest())),

    /** Background colour with masks and captions on a different pair: sandal vs sneaker. */
    BACKGROUND_MASKS(CueSetSpec.of(CueKind.BACKGROUND, List.of(5, 7)).withSeed(11L), null),

    /** A stamped "SALE" on 95 % of class 0's training images and 5 % of the others', image folders only. */
    STAMPED_WORD(CueSetSpec.of(CueKind.STAMPED_WORD, List.of(2, 6)).withSeed(12L).withFormat(ArchiveFormat.imageFolder()),
            null),

    /** Sepia vs blue cast over the whole image. */
    COLOUR_CAST(CueSetSpec.of(CueKind.COLOUR_CAST, List.of(0, 6)).withSeed(13L), null),

    /** Striped vs dotted background of the same colours. */
    TEXTURE(CueSetSpec.of(CueKind.TEXTURE, List.of(7, 9)).withSeed(14L), null),

    /** A harder core task of three classes, pullover vs coat vs shirt, with a background cue. */
    HARD_CORE(CueSetSpec.of(CueKind.BACKGROUND, List.of(2, 4, 6)).withSeed(15L), null);

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
