package com.spurlab.inference.cueset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.inference.demo.DemoSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class CueSetSpecTest {

    @Test
    void rejectsWhatCannotBeBuilt() {
        CueSetSpec ok = CueSetSpec.of(CueKind.STAMPED_WORD, List.of(2, 4));
        assertThatThrownBy(() -> ok.withWord("SPECIALS")).hasMessageContaining("1 to 6 letters");
        assertThatThrownBy(() -> ok.withWord("a,b")).hasMessageContaining("1 to 6 letters");
        assertThatThrownBy(() -> ok.withCounts(100, 21, 40)).hasMessageContaining("even");
        assertThatThrownBy(() -> ok.withCounts(5900, 200, 40)).hasMessageContaining("6000");
        assertThatThrownBy(() -> ok.withTrainCueAgreement(0.3)).hasMessageContaining("trainCueAgreement");
        assertThatThrownBy(() -> ok.withImageSize(300)).hasMessageContaining("imageSize");
        assertThatThrownBy(() -> CueSetSpec.of(CueKind.TEXTURE, List.of(3, 3))).hasMessageContaining("distinct");
        assertThatThrownBy(() -> new ArchiveFormat(ArchiveLayout.IMAGE_FOLDER, true, false, false))
                .hasMessageContaining("image-folder");
    }

    @Test
    void onlyAStampedWordKeepsItsWord() {
        assertThat(CueSetSpec.of(CueKind.STAMPED_WORD, List.of(2, 4)).word()).isEqualTo("SALE");
        assertThat(CueSetSpec.of(CueKind.BACKGROUND, List.of(2, 4)).word()).isNull();
    }

    @Test
    void ownCueValuesAlternateExceptForAWordThatOnlyTheFirstClassCarries() {
        assertThat(List.of(0, 1, 2).stream().map(CueKind.TEXTURE::ownValue)).containsExactly(0, 1, 0);
        assertThat(List.of(0, 1, 2).stream().map(CueKind.STAMPED_WORD::ownValue)).containsExactly(0, 1, 1);
    }

    @Test
    void theDemoPresetIsTheDemoSpec() {
        assertThat(CueSetPreset.DEMO.spec()).isEqualTo(DemoSpec.standard().toCueSetSpec());
        assertThat(CueSetPreset.DEMO.tiny()).isEqualTo(DemoSpec.tiny().toCueSetSpec());
    }

    @Test
    void presetsCoverEveryCueAndLayoutAndTinyVariantsHaveEveryGroupInEverySplit() {
        assertThat(List.of(CueSetPreset.values()).stream().map(p -> p.spec().cue()).distinct())
                .containsExactlyInAnyOrder(CueKind.values());
        assertThat(CueSetPreset.STAMPED_WORD.spec().format()).isEqualTo(ArchiveFormat.imageFolder());
        assertThat(CueSetPreset.BACKGROUND_MASKS.spec().format().masks()).isTrue();
        assertThat(CueSetPreset.HARD_CORE.spec().fashionClasses()).hasSizeGreaterThanOrEqualTo(2);
        for (CueSetPreset preset : CueSetPreset.values()) {
            CueSetSpec tiny = preset.tiny();
            long minority = tiny.trainPerClass() - Math.round(tiny.trainPerClass() * tiny.trainCueAgreement());
            assertThat(minority).as(preset.name()).isPositive();
            assertThat(tiny.imageSize()).as(preset.name()).isBetween(32, 64);
            assertThat(tiny.trainPerClass()).as(preset.name()).isBetween(100, 200);
            assertThat(tiny.cue()).isEqualTo(preset.spec().cue());
            assertThat(tiny.format()).isEqualTo(preset.spec().format());
        }
        assertThat(CueSetPreset.parse("stamped-word")).isEqualTo(CueSetPreset.STAMPED_WORD);
    }
}
