package com.spurlab.core.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.spurlab.core.run.GroupResult;
import org.junit.jupiter.api.Test;

class GroupEstimateTest {

    @Test
    void wilsonScoreIntervalOfAGroupsAccuracy() {
        // 40 of 50 correct: Wilson 95 % is 0.6696 – 0.8876 (z = 1.95996).
        GroupEstimate g = GroupEstimate.of(new GroupResult("dress|warm", 50, 40, 0.8, false));

        assertThat(g.low()).isCloseTo(0.6696, within(1e-4));
        assertThat(g.high()).isCloseTo(0.8876, within(1e-4));
        assertThat(g.tooSmall()).isFalse();
    }

    @Test
    void allRightOrAllWrongKeepsTheExactBound() {
        GroupEstimate right = GroupEstimate.of(new GroupResult("a", 20, 20, 1.0, false));
        GroupEstimate wrong = GroupEstimate.of(new GroupResult("b", 10, 0, 0.0, true));

        assertThat(right.high()).isEqualTo(1.0);
        assertThat(right.low()).isCloseTo(0.8389, within(1e-4));
        assertThat(wrong.low()).isEqualTo(0.0);
        assertThat(wrong.tooSmall()).isTrue();
    }
}
