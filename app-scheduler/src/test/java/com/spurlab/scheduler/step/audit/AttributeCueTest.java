package com.spurlab.scheduler.step.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributeCueTest {

    /** The composition's training counts of a background cue that goes with the label 90 % of the time. */
    private static final Map<String, Map<String, Integer>> TRAIN = Map.of(
            "sandal", Map.of("warm", 135, "cool", 15),
            "sneaker", Map.of("warm", 15, "cool", 135));

    @Test
    void aCueNamesAnAttributeAndOptionallyOneOfItsValues() {
        assertThat(AttributeCue.parse("attribute:background")).isEqualTo(new AttributeCue("background", null));
        assertThat(AttributeCue.parse("attribute:background=warm")).isEqualTo(new AttributeCue("background", "warm"));
        assertThat(AttributeCue.parse("attribute:cue:text:sale=yes").attribute()).isEqualTo("cue:text:sale");
        assertThat(AttributeCue.parse("attribute:background=warm").name()).isEqualTo("attribute:background=warm");
        assertThat(AttributeCue.names("text:sale")).isFalse();
        assertThat(AttributeCue.names("attribute:")).isFalse();
        assertThatThrownBy(() -> AttributeCue.parse("mask")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSampleShowsItsValueOrTheNamedValueAgainstTheRest() {
        AttributeCue every = AttributeCue.of("background");
        assertThat(every.valueOf(Map.of("background", "cool"))).isEqualTo("cool");
        assertThat(every.valueOf(Map.of("place", "land"))).isNull();
        assertThat(every.valueOf(Map.of("background", " "))).isNull();
        AttributeCue warm = AttributeCue.parse("attribute:background=warm");
        assertThat(warm.valueOf(Map.of("background", "warm"))).isEqualTo("warm");
        assertThat(warm.valueOf(Map.of("background", "cool"))).isEqualTo("not warm");
    }

    @Test
    void trainingCountsAreKeyedByLabelAndTheValueTheAuditSees() {
        assertThat(AttributeCue.of("background").trainCounts(TRAIN)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "sandal|warm", 135, "sandal|cool", 15, "sneaker|warm", 15, "sneaker|cool", 135));
        assertThat(AttributeCue.parse("attribute:background=cool").trainCounts(TRAIN)).containsExactlyInAnyOrderEntriesOf(
                Map.of("sandal|cool", 15, "sandal|not cool", 135, "sneaker|cool", 135, "sneaker|not cool", 15));
    }
}
