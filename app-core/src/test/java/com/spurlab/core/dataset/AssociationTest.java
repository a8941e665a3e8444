package com.spurlab.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AssociationTest {

    @Test
    void perfectAssociationIsOne() {
        var table = Map.of("coat", Map.of("warm", 50), "dress", Map.of("cool", 50));
        assertThat(Association.cramersV(table)).isCloseTo(1.0, within(1e-9));
        assertThat(Association.normalizedMutualInformation(table)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void independenceIsZero() {
        var table = Map.of("coat", Map.of("warm", 25, "cool", 25), "dress", Map.of("warm", 25, "cool", 25));
        assertThat(Association.cramersV(table)).isCloseTo(0.0, within(1e-9));
        assertThat(Association.normalizedMutualInformation(table)).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void ninetyFivePercentCorrelationIsStrongButNotPerfect() {
        // 2x2 with 95/5 splits: phi = 0.95*0.95 - 0.05*0.05 over 0.25 = 0.9
        var table = Map.of("coat", Map.of("warm", 95, "cool", 5), "dress", Map.of("warm", 5, "cool", 95));
        assertThat(Association.cramersV(table)).isCloseTo(0.9, within(1e-9));
        assertThat(Association.normalizedMutualInformation(table)).isBetween(0.6, 0.8);
    }

    @Test
    void singleValueHasNoAssociation() {
        var table = Map.of("coat", Map.of("warm", 10), "dress", Map.of("warm", 30));
        assertThat(Association.cramersV(table)).isZero();
        assertThat(Association.normalizedMutualInformation(table)).isZero();
    }
}
