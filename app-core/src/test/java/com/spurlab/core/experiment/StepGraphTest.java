package com.spurlab.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.core.InvalidRequestException;
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
        assertThat(StepGraph.dependencies("0, 2,0", 3)).containsExactly(0, 2);
    }

    @Test
    void onlyEarlierStepsMayBeNamedSoEveryPlanIsAcyclic() {
        assertThatThrownBy(() -> StepGraph.dependencies("1", 1)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("step 2: dependsOn must name earlier steps by index (0 to 0), got '1'");
        assertThatThrownBy(() -> StepGraph.dependencies("x", 2)).hasMessageContaining("got 'x'");
        assertThatThrownBy(() -> StepGraph.dependencies("-1", 2)).hasMessageContaining("got '-1'");
    }

    @Test
    void evaluationNeedsATrainingAmongItsAncestors() {
        var train = new StepSpec(StepType.TRAIN, Map.of());
        var evaluate = new StepSpec(StepType.EVALUATE, Map.of());
        var noop = new StepSpec(StepType.NOOP, Map.of());
        StepGraph.requireTrainingBeforeEvaluation(List.of(train, noop, evaluate),
                List.of(List.of(), List.of(0), List.of(1)));
        assertThatThrownBy(() -> StepGraph.requireTrainingBeforeEvaluation(List.of(train, noop, evaluate),
                List.of(List.of(), List.of(), List.of(1))))
                .hasMessageContaining("step 3 (EVALUATE) needs a TRAIN step among the steps it depends on");
    }

    @Test
    void noopParametersAreCheckedAndRetryBackOffDoubles() {
        assertThat(NoopParams.complete(Map.of(), 0)).containsEntry("millis", "0")
                .containsEntry("transientFailures", "0");
        assertThatThrownBy(() -> NoopParams.complete(Map.of("millis", "-5"), 0))
                .hasMessageContaining("step 1 (NOOP): millis must be a whole number from 0 to 3600000");
        assertThatThrownBy(() -> NoopParams.complete(Map.of("sleep", "5"), 0))
                .hasMessageContaining("unknown parameter");
        QueueSettings settings = new QueueSettings(null, DeviceKind.GPU, false, 3, Duration.ofSeconds(2),
                Duration.ofMillis(200));
        assertThat(settings.slots(DeviceKind.CPU)).isEqualTo(2);
        assertThat(settings.deviceOf(StepType.TRAIN)).isEqualTo(DeviceKind.GPU);
        assertThat(settings.deviceOf(StepType.NOOP)).isEqualTo(DeviceKind.CPU);
        assertThat(settings.backoff(0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(8));
    }
}
