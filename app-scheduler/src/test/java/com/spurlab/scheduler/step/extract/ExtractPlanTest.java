package com.spurlab.scheduler.step.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.dataset.Composition;
import com.spurlab.core.dataset.DataSplit;
import com.spurlab.core.dataset.DatasetService.SplitContents;
import com.spurlab.core.dataset.DatasetStatus;
import com.spurlab.core.dataset.DatasetVersionView;
import com.spurlab.core.step.ArtifactType;
import com.spurlab.core.step.PlanContext;
import com.spurlab.core.step.StepResources;
import com.spurlab.inference.extract.CueSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExtractPlanTest {

    private static final ExtractParams DEFAULTS = new ExtractParams(null, null, null, null, null, null);
    private static final SplitContents CAPTIONED_AND_MASKED = new SplitContents(80, 80, 80);
    private static final SplitContents PIXELS_ONLY = new SplitContents(80, 0, 0);

    /** A version with a background attribute (train, val and test) or, without attributes, image folders (train, val). */
    private static PlanContext plan(boolean attributes, boolean derivedUpstream) {
        Composition composition = attributes
                ? new Composition(Map.of("train", 300, "val", 80, "test", 120), List.of("coat", "dress"),
                        Map.of("background", List.of("cool", "warm")), Map.of())
                : new Composition(Map.of("train", 300, "val", 80, "test", 0), List.of("coat", "dress"), Map.of(),
                        Map.of());
        DatasetVersionView version = new DatasetVersionView(7, 1, "cues", 1, DatasetStatus.READY, "spurlab-manifest",
                "cues.zip", 1, 500, "lead", null, null, null, composition, 1, null, 7);
        return new PlanContext("step 2 (EXTRACT)", version, derivedUpstream, List.of(), Set.of(ArtifactType.MODEL));
    }

    private static ExtractParams params(List<CueSource> sources, DataSplit split, String derive) {
        return new ExtractParams(split, sources, null, null, null, derive);
    }

    @Test
    void leftOutSourcesAreThoseTheSplitSupportsAndOnlySaliencyNeedsTheTrainingSlot() {
        ExtractParams full = ExtractPlan.prepare(DEFAULTS, plan(true, false), CAPTIONED_AND_MASKED);
        ExtractParams pixels = ExtractPlan.prepare(DEFAULTS, plan(false, false), PIXELS_ONLY);

        assertThat(full.sources()).containsExactly(CueSource.values());
        assertThat(pixels.sources()).containsExactly(CueSource.TEXT, CueSource.SLICES);
        ExtractStep step = new ExtractStep(null, null, null, null);
        assertThat(step.resources(full)).isEqualTo(StepResources.TRAINING);
        assertThat(step.resources(pixels)).isEqualTo(StepResources.MODEL);
        assertThat(step.resources(full.withSources(List.of(CueSource.TEXT, CueSource.ATTRIBUTES))))
                .isEqualTo(StepResources.MODEL);
    }

    @Test
    void aSourceTheSplitCannotFeedIsRefusedWithWhatItLacks() {
        assertThatThrownBy(() -> ExtractPlan.prepare(params(List.of(CueSource.SALIENCY), null, null), plan(false, false),
                PIXELS_ONLY)).isInstanceOf(InvalidRequestException.class).hasMessage("step 2 (EXTRACT): source "
                + "SALIENCY compares input gradients with foreground masks, and no sample of the val split of dataset "
                + "version 7 has a mask; leave it out of sources");
        assertThatThrownBy(() -> ExtractPlan.prepare(params(List.of(CueSource.KEYWORDS), null, null), plan(true, false),
                PIXELS_ONLY)).hasMessageContaining("source KEYWORDS ranks caption words, and no sample of the val split");
        assertThatThrownBy(() -> ExtractPlan.prepare(params(List.of(CueSource.ATTRIBUTES), null, null),
                plan(false, false), PIXELS_ONLY)).hasMessageContaining("dataset version 7 has no attributes");
    }

    @Test
    void aSplitTheVersionLacksIsRefusedNamingThoseItHas() {
        assertThatThrownBy(() -> ExtractPlan.prepare(params(null, DataSplit.TEST, null), plan(false, false),
                new SplitContents(0, 0, 0))).isInstanceOf(InvalidRequestException.class)
                .hasMessage("step 2 (EXTRACT): dataset version 7 has no test samples to examine; choose a split it has "
                        + "(train, val)");
    }

    @Test
    void theCueToDeriveMustNameWhatTheVersionHas() {
        assertThat(ExtractPlan.prepare(params(null, null, "attribute:background=warm"), plan(true, false),
                CAPTIONED_AND_MASKED).deriveAttribute()).isEqualTo("attribute:background=warm");
        assertThatThrownBy(() -> ExtractPlan.prepare(params(null, null, "attribute:weather=rain"), plan(true, false),
                CAPTIONED_AND_MASKED)).hasMessage("step 2 (EXTRACT): deriveAttribute names attribute 'weather' which "
                + "dataset version 7 does not have; it has [background]");
        assertThatThrownBy(() -> ExtractPlan.prepare(params(null, null, "attribute:background=purple"),
                plan(true, false), CAPTIONED_AND_MASKED)).hasMessageContaining("value 'purple'")
                .hasMessageContaining("[cool, warm]");
        assertThatThrownBy(() -> ExtractPlan.prepare(params(List.of(CueSource.TEXT), null, "slice:0"), plan(false, false),
                PIXELS_ONLY)).hasMessageContaining("names an error slice, and sources leave SLICES out");
        assertThatThrownBy(() -> ExtractPlan.prepare(params(null, null, "keyword:warm"), plan(false, false),
                PIXELS_ONLY)).hasMessageContaining("is a caption word, and no sample of the val split");
    }

    @Test
    void aVersionDerivedUpstreamIsCheckedWhenItExists() {
        ExtractParams later = ExtractPlan.prepare(params(null, DataSplit.TEST, "attribute:weather=rain"),
                plan(false, true), new SplitContents(0, 0, 0));

        assertThat(later.deriveAttribute()).isEqualTo("attribute:weather=rain");
        assertThat(later.sources()).containsExactly(CueSource.ATTRIBUTES, CueSource.KEYWORDS, CueSource.TEXT,
                CueSource.SLICES);
    }

    @Test
    void defaultsAreTheEnginesAndAllNullComponentsAreAccepted() {
        assertThat(DEFAULTS.split()).isEqualTo(DataSplit.VAL);
        assertThat(DEFAULTS.sources()).isNull();
        assertThat(DEFAULTS.evidence()).isEqualTo(8);
        assertThat(DEFAULTS.maxCues()).isEqualTo(50);
        assertThat(DEFAULTS.seed()).isEqualTo(42L);
        assertThat(DEFAULTS.deriveAttribute()).isNull();
        assertThat(params(List.of(CueSource.TEXT, CueSource.ATTRIBUTES, CueSource.TEXT), null, " TOP ").sources())
                .containsExactly(CueSource.ATTRIBUTES, CueSource.TEXT);
        assertThat(params(null, null, " TOP ").deriveAttribute()).isEqualTo("TOP");
    }
}
