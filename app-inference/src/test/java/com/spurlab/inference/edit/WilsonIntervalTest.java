package com.spurlab.inference.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WilsonIntervalTest {

    /** Newcombe (1998), Statistics in Medicine 17:857-872, Table II, method 3 (score, no continuity correction). */
    @ParameterizedTest
    @CsvSource({"81, 263, 0.2553, 0.3662", "15, 148, 0.0624, 0.1605", "0, 20, 0.0000, 0.1611", "1, 29, 0.0061, 0.1718"})
    void matchesNewcombesPublishedIntervals(int successes, int trials, double low, double high) {
        WilsonInterval ci = WilsonInterval.of95(successes, trials);
        assertThat(ci.low()).isCloseTo(low, within(5e-5));
        assertThat(ci.high()).isCloseTo(high, within(5e-5));
    }

    @Test
    void isSymmetricAroundAHalfAndEndsExactlyAtZeroAndOne() {
        WilsonInterval half = WilsonInterval.of95(5, 10);
        assertThat(half.low()).isCloseTo(0.2366, within(5e-5));
        assertThat(half.low() + half.high()).isCloseTo(1.0, within(1e-12));
        assertThat(WilsonInterval.of95(10, 10).high()).isEqualTo(1.0);
        assertThat(WilsonInterval.of95(0, 10).low()).isEqualTo(0.0);
        assertThat(WilsonInterval.of95(10, 10).low()).isCloseTo(0.7225, within(5e-5));
    }

    @Test
    void noTrialsGiveNoIntervalAndImpossibleCountsAreRefused() {
        assertThat(WilsonInterval.of95(0, 0).low()).isNaN();
        assertThatThrownBy(() -> WilsonInterval.of95(4, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 of 3");
    }
}
