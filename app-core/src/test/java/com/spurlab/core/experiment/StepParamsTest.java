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
        assertThat(params).containsEntry("model", "CNN").containsEntry("augmentation", "none")
                .containsEntry("selection", "WORST_GROUP").containsEntry("patience", "0");
        assertThat(StepParams.read(StepParams.write(params))).isEqualTo(params);
    }

    @Test
    void acceptsEveryRobustMethodAndNetworkCaseInsensitively() {
        for (String method : List.of("erm", "Reweight", "GROUP_DRO", "jtt", "dfr")) {
            var params = StepParams.complete(new StepSpec(StepType.TRAIN, Map.of("method", method, "model", "resnet",
                    "augmentation", "flip, crop=4,jitter=0.3", "groupDroEta", "0.1", "jttUpweight", "50")), 0, ATTRIBUTES);
            assertThat(params.get("method")).isEqualTo(method.toUpperCase(java.util.Locale.ROOT));
            assertThat(params).containsEntry("model", "RESNET").containsEntry("augmentation", "flip,crop=4,jitter=0.3")
                    .containsEntry("groupDroEta", "0.1").containsEntry("jttUpweight", "50.0");
        }
        // JTT finds its groups itself, so it runs on a dataset without attributes.
        assertThat(StepParams.complete(new StepSpec(StepType.TRAIN, Map.of("method", "JTT")), 0, List.of()))
                .containsEntry("groupBy", "");
    }

    @Test
    void refusesBadRobustParametersWithAMessageThatSaysWhatToFix() {
        assertThatThrownBy(() -> StepParams.complete(new StepSpec(StepType.TRAIN, Map.of("method", "MIXUP")), 0,
                ATTRIBUTES)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("available: [ERM, REWEIGHT, GROUP_DRO, JTT, DFR]");
        assertThatThrownBy(() -> StepParams.complete(new StepSpec(StepType.TRAIN, Map.of("model", "VIT")), 0,
                ATTRIBUTES)).hasMessageContaining("model must be one of [CNN, RESNET], got 'VIT'");
        assertThatThrownBy(() -> StepParams.complete(new StepSpec(StepType.TRAIN, Map.of("method", "GROUP_DRO")), 0,
                List.of())).hasMessageContaining("GROUP_DRO balances groups").hasMessageContaining("use ERM or JTT");
        assertThatThrownBy(() -> StepParams.complete(new StepSpec(StepType.TRAIN, Map.of("augmentation", "rotate")), 0,
                ATTRIBUTES)).hasMessageContaining("augmentation must be none or a comma list");
        assertThatThrownBy(() -> StepParams.complete(new StepSpec(StepType.TRAIN, Map.of("groupDroEta", "0")), 0,
                ATTRIBUTES)).hasMessageContaining("groupDroEta must be a number from");
        assertThatThrownBy(() -> StepParams.complete(new StepSpec(StepType.TRAIN, Map.of("selection", "BEST")), 0,
                ATTRIBUTES)).hasMessageContaining("selection must be one of [WORST_GROUP, ACCURACY, LAST]");
    }

    @Test
    void refusesWhatItCannotRunWithAMessageThatSaysWhatToFix() {
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
