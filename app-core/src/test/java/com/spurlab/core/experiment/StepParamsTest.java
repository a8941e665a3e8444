package com.spurlab.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.core.InvalidRequestException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepParamsTest {

    private static final List<String> ATTRIBUTES = List.of("background");

    @Test
    void completesTrainDefaults() {
        var params = StepParams.complete(new StepSpec(StepType.TRAIN, Map.of()), 0, ATTRIBUTES);
        assertThat(params).containsEntry("method", "ERM").containsEntry("epochs", "5").containsEntry("seed", "42")
                .containsEntry("groupBy", "background").containsEntry("imageSize", "64");
        assertThat(StepParams.read(StepParams.write(params))).isEqualTo(params);
    }

    @Test
    void refusesWhatItCannotRunWithAMessageThatSaysWhatToFix() {
        assertThatThrownBy(() -> StepParams.complete(new StepSpec(StepType.TRAIN, Map.of("method", "GROUP_DRO")), 0,
                ATTRIBUTES)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("available: [ERM]");
        assertThatThrownBy(() -> StepParams.complete(new StepSpec(StepType.TRAIN, Map.of("epochs", "0")), 1,
                ATTRIBUTES)).hasMessageContaining("step 2 (TRAIN): epochs must be a whole number from 1 to 200");
        assertThatThrownBy(() -> StepParams.complete(new StepSpec(StepType.TRAIN, Map.of("groupBy", "place")), 0,
                ATTRIBUTES)).hasMessageContaining("'place'").hasMessageContaining("[background]");
        assertThatThrownBy(() -> StepParams.complete(new StepSpec(StepType.TRAIN, Map.of("epoch", "3")), 0,
                ATTRIBUTES)).hasMessageContaining("unknown parameter 'epoch'");
        assertThatThrownBy(() -> StepParams.complete(new StepSpec(StepType.AUDIT, Map.of()), 0, ATTRIBUTES))
                .hasMessageContaining("AUDIT is not available");
        assertThatThrownBy(() -> StepParams.complete(new StepSpec(StepType.EVALUATE, Map.of("splits", "holdout")), 0,
                ATTRIBUTES)).hasMessageContaining("'holdout'");
    }
}
