package com.spurlab.inference.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProportionTest {

    @Test
    void wilsonIntervalMatchesTheClosedForm() {
        Proportion p = Proportion.of(38, 40);
        assertThat(p.value()).isEqualTo(0.95);
        assertThat(p.ciLow()).isCloseTo(0.834961, within(1e-6));
        assertThat(p.ciHigh()).isCloseTo(0.986179, within(1e-6));
        assertThat(p.tooSmall()).isFalse();
    }

    @Test
    void zeroSuccessesStillGetAnUpperBoundAndSmallGroupsAreFlagged() {
        Proportion none = Proportion.of(0, 10);
        assertThat(none.ciLow()).isZero();
        assertThat(none.ciHigh()).isCloseTo(0.277533, within(1e-6));
        assertThat(none.tooSmall()).isTrue();
        assertThat(Proportion.of(20, 20).tooSmall()).isFalse();
        assertThat(Proportion.of(20, 20).ciHigh()).isEqualTo(1.0);
    }

    @Test
    void anEmptyGroupHasNoValueAndTheWholeUnitInterval() {
        Proportion empty = Proportion.of(0, 0);
        assertThat(empty.value()).isNaN();
        assertThat(empty.ciLow()).isZero();
        assertThat(empty.ciHigh()).isEqualTo(1.0);
    }
}
