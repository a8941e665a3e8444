package com.spurlab.inference.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Expected values computed by hand from the textbook formulas (Wilson 1927, Newcombe 1998, Katz 1978). */
class ProportionTest {

    @Test
    void wilsonIntervalOfEightInTen() {
        Proportion p = new Proportion(8, 10);

        assertThat(p.rate()).isEqualTo(0.8);
        assertThat(p.low()).isCloseTo(0.49016, within(1e-5));
        assertThat(p.high()).isCloseTo(0.94332, within(1e-5));
    }

    @Test
    void wilsonIntervalStaysInsideZeroOneAtTheEdges() {
        assertThat(new Proportion(0, 10).low()).isEqualTo(0.0);
        assertThat(new Proportion(0, 10).high()).isCloseTo(0.27753, within(1e-5));
        assertThat(new Proportion(10, 10).high()).isEqualTo(1.0);
        assertThat(new Proportion(0, 0).high()).isEqualTo(1.0);
    }

    @Test
    void newcombeIntervalOfADifference() {
        Proportion.Interval d = new Proportion(8, 10).minus(new Proportion(2, 20));

        assertThat(d.estimate()).isCloseTo(0.7, within(1e-12));
        assertThat(d.low()).isCloseTo(0.33066, within(1e-5));
        assertThat(d.high()).isCloseTo(0.86045, within(1e-5));
    }

    @Test
    void katzIntervalOfARatio() {
        Proportion.Interval lift = new Proportion(8, 10).over(new Proportion(2, 20));

        assertThat(lift.estimate()).isCloseTo(8.0, within(1e-12));
        assertThat(lift.low()).isCloseTo(2.07224, within(1e-5));
        assertThat(lift.high()).isCloseTo(30.8845, within(1e-4));
    }

    @Test
    void ratioWithAZeroCountAddsAHalfToEveryCell() {
        Proportion.Interval lift = new Proportion(3, 10).over(new Proportion(0, 10));

        assertThat(lift.estimate()).isCloseTo(7.0, within(1e-12));
        assertThat(lift.low()).isCloseTo(0.40780, within(1e-5));
        assertThat(lift.high()).isCloseTo(120.157, within(1e-3));
    }

    @Test
    void refusesMoreEventsThanTrials() {
        assertThatThrownBy(() -> new Proportion(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
