package com.spurlab.inference.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SynthesisCueTest {

    @Test
    void readsEachKindOfCueWithTheAttributeThatCarriesItsValues() {
        assertThat(SynthesisCue.parse("attribute:background")).isEqualTo(new SynthesisCue("attribute:background",
                SynthesisCue.Region.BACKGROUND, "background", null, false));
        assertThat(SynthesisCue.parse("attribute:background=warm").attribute()).isEqualTo("background");
        assertThat(SynthesisCue.parse("text:SALE")).isEqualTo(new SynthesisCue("text:sale", SynthesisCue.Region.TEXT,
                "cue:text:sale", "sale", true));
        assertThat(SynthesisCue.parse("keyword:beach")).isEqualTo(new SynthesisCue("keyword:beach",
                SynthesisCue.Region.BACKGROUND, "cue:keyword:beach", null, true));
        // EXTRACT's inferred attribute: its values are there already, its region is the word's.
        SynthesisCue inferred = SynthesisCue.parse("cue:text:sale");
        assertThat(inferred).isEqualTo(new SynthesisCue("cue:text:sale", SynthesisCue.Region.TEXT, "cue:text:sale",
                "sale", false));
        assertThat(inferred.underlying()).isEqualTo("text:sale");
    }

    @Test
    void refusesCuesWithoutValuesOrRegionSayingWhatToName() {
        assertThatThrownBy(() -> SynthesisCue.parse("mask")).hasMessageContaining("attribute:<name>, keyword:<word>");
        assertThatThrownBy(() -> SynthesisCue.parse("slice:2")).hasMessageContaining("no region");
        assertThatThrownBy(() -> SynthesisCue.parse("cue:slice:2")).hasMessageContaining("no region to recombine");
        assertThatThrownBy(() -> SynthesisCue.parse("colour")).hasMessageContaining("cannot read the cue");
    }
}
