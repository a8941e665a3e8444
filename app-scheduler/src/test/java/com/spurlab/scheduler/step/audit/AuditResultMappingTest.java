package com.spurlab.scheduler.step.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.spurlab.core.Json;
import com.spurlab.core.audit.AuditResult;
import com.spurlab.inference.audit.AssociationResult;
import com.spurlab.inference.audit.AuditReport;
import com.spurlab.inference.audit.AuditTimings;
import com.spurlab.inference.audit.ConceptDesign;
import com.spurlab.inference.audit.ConsistencyReport;
import com.spurlab.inference.audit.Finding;
import com.spurlab.inference.audit.Gap;
import com.spurlab.inference.audit.GapReport;
import com.spurlab.inference.audit.GroupConsistency;
import com.spurlab.inference.audit.GroupRates;
import com.spurlab.inference.audit.Proportion;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditResultMappingTest {

    private static final double NAN = Double.NaN;

    /** A split with one attribute value present in one group only: no TPR/FPR gap, an empty group, one edit run. */
    private static AuditReport report() {
        AssociationResult eat = new AssociationResult(ConceptDesign.CUE_CONTRAST, "warm vs cool", "sandal vs sneaker",
                0.82, 0.61, 1.02, 0.04, 0.002, 60, false, 10_000, 30, 30, 30, 30, false, List.of("X warm: 30 images"));
        GapReport gaps = new GapReport(Proportion.of(90, 120), 0.6, "sandal|cool",
                new Gap("accuracy", 0.15, 0.1, 0.2, null, "all", "sandal|cool", false),
                new Gap("tpr", NAN, NAN, NAN, null, null, null, false), new Gap("fpr", NAN, NAN, NAN, null, null, null, false),
                List.of(new GroupRates("sandal|cool", "sandal", "cool", Proportion.of(18, 30)),
                        new GroupRates("sneaker|cool", "sneaker", "cool", Proportion.of(0, 0))), List.of(), 1_000);
        ConsistencyReport consistency = new ConsistencyReport(Proportion.of(45, 50), null,
                List.of(new GroupConsistency("sandal|cool", Proportion.of(45, 50), null)), "sandal|cool");
        return new AuditReport("test", "attribute:background", 120, List.of(eat), gaps, consistency, null,
                List.of(new Finding("eat", Finding.Severity.CONCERN, "a large association")), List.of(),
                List.of("no concept editor"), new AuditTimings(1, 2, 3, 4, 5, 6));
    }

    @Test
    void designsNumbersSitAtDesignsNamesWithTheirIntervalsBeside() {
        AuditResult r = AuditResultMapping.of(report(), List.of("2 test samples have no value"), 7L, "REMOVE_BACKGROUND");
        assertThat(r.eat().get(0).effectSize()).isEqualTo(0.82);
        assertThat(r.eat().get(0).pValue()).isEqualTo(0.002);
        assertThat(r.cueContrast()).isSameAs(r.eat().get(0));
        assertThat(r.gaps().accuracy()).isEqualTo(0.15);
        assertThat(r.gaps().intervals().accuracy().ciLow()).isEqualTo(0.1);
        assertThat(r.counterfactualConsistency()).isEqualTo(0.9);
        assertThat(r.consistency().overall().ciLow()).isEqualTo(Proportion.of(45, 50).ciLow());
        assertThat(r.consistency().control()).isNull();
        assertThat(r.odmap()).isNull();
        assertThat(r.findings()).extracting(AuditResult.Finding::severity).containsExactly("CONCERN");
        assertThat(r.notes()).containsExactly("2 test samples have no value", "no concept editor");
        assertThat(r.editRunId()).isEqualTo(7L);
    }

    @Test
    void figuresThatDoNotExistAreNullAndTheStoredJsonReadsBack() {
        AuditResult r = AuditResultMapping.of(report(), List.of(), null, null);
        assertThat(r.gaps().tpr()).isNull();
        assertThat(r.gaps().intervals().fpr().ciHigh()).isNull();
        assertThat(r.gaps().groups().get(1).accuracy().value()).isNull();
        String json = Json.write(r);
        assertThat(json).doesNotContain("NaN").contains("\"tpr\":null");
        assertThat(Json.read(json, AuditResult.class)).isEqualTo(r);
    }
}
