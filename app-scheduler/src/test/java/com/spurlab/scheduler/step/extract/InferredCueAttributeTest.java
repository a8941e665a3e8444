package com.spurlab.scheduler.step.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.inference.extract.Cue;
import com.spurlab.inference.extract.CueKind;
import com.spurlab.inference.extract.CueReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class InferredCueAttributeTest {

    private static Cue cue(int rank, String name, CueKind kind) {
        return new Cue(rank, name, kind, "coat", 20, 10, 0.5, 0.3, 0.7, 2, 1.2, 3, null, 0.5, 0.2, List.of(), List.of());
    }

    private static CueReport report(Cue... cues) {
        return new CueReport("val", 80, 0.2, List.of(cues), List.of(), List.of(), List.of(), List.of(),
                new CueReport.Timings(1, 0, 0, Double.NaN, 0));
    }

    @Test
    void topIsTheBestRankedCueASampleCanCarry() {
        CueReport ranked = report(cue(1, "mask", CueKind.SALIENCY), cue(2, "text:sale", CueKind.TEXT),
                cue(3, "slice:0", CueKind.SLICE));

        assertThat(InferredCueAttribute.resolve("TOP", ranked)).isEqualTo("text:sale");
        assertThat(InferredCueAttribute.resolve("slice:0", ranked)).isEqualTo("slice:0");
    }

    @Test
    void topWithoutSuchACueFailsTheJobWithWhatToDo() {
        assertThatThrownBy(() -> InferredCueAttribute.resolve("TOP", report(cue(1, "mask", CueKind.SALIENCY))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("deriveAttribute TOP: EXTRACT ranked no cue that a sample can carry on val; name a cue or"
                        + " look at more sources");
    }
}
