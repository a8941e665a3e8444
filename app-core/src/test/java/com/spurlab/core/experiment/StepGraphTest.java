package com.spurlab.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.step.DeviceKind;
import com.spurlab.core.step.StepResources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepGraphTest {

    @Test
    void aStepFollowsThePreviousOneUnlessItNamesItsDependencies() {
        assertThat(StepGraph.dependencies(null, 0)).isEmpty();
        assertThat(StepGraph.dependencies(null, 3)).containsExactly(2);
        assertThat(StepGraph.dependencies("", 3)).isEmpty();
        assertThat(StepGraph.dependencies(List.of(), 3)).isEmpty();
        assertThat(StepGraph.dependencies("0, 2,0", 3)).containsExactly(0, 2);
        assertThat(StepGraph.dependencies(List.of(0, 2), 3)).containsExactly(0, 2);
        assertThat(StepGraph.dependencies(1, 3)).containsExactly(1);
    }

    @Test
    void onlyEarlierStepsMayBeNamedSoEveryPlanIsAcyclic() {
        assertThatThrownBy(() -> StepGraph.dependencies("1", 1)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("step 2: dependsOn must name earlier steps by index (0 to 0), got '1'");
        assertThatThrownBy(() -> StepGraph.dependencies("x", 2)).hasMessageContaining("got 'x'");
        assertThatThrownBy(() -> StepGraph.dependencies(List.of(-1), 2)).hasMessageContaining("got '-1'");
        assertThatThrownBy(() -> StepGraph.dependencies(0.5, 2)).hasMessageContaining("got '0.5'");
    }

    @Test
    void upstreamStepsComeNearestFirstEachOnce() {
        // 0 ← 1 ← 3, 0 ← 2 ← 3, 3 ← 4: step 4 sees 3, then 3's dependencies (2 before 1), then 0 once.
        List<List<Integer>> deps = List.of(List.of(), List.of(0), List.of(0), List.of(1, 2), List.of(3));
        assertThat(StepGraph.upstream(deps, 4)).containsExactly(3, 2, 1, 0);
        assertThat(StepGraph.upstream(deps, 0)).isEmpty();
    }

    @Test
    void slotsArePerNodeWithGpusDetectedAndRetryBackOffDoubles() {
        QueueSettings settings = new QueueSettings(Map.of(), DeviceKind.GPU, 3, Duration.ofSeconds(2),
                Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));
        assertThat(settings.slots(DeviceKind.CPU, 0)).isEqualTo(2);
        assertThat(settings.slots(DeviceKind.GPU, 4)).isEqualTo(4);
        assertThat(new QueueSettings(Map.of(DeviceKind.GPU, 1), DeviceKind.GPU, 3, Duration.ofSeconds(2),
                Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30)).slots(DeviceKind.GPU, 4))
                .isEqualTo(1);
        assertThat(settings.deviceOf(StepResources.TRAINING)).isEqualTo(DeviceKind.GPU);
        assertThat(settings.deviceOf(StepResources.CPU)).isEqualTo(DeviceKind.CPU);
        assertThat(settings.backoff(0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(8));
    }
}
