package com.spurlab.inference.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.spurlab.inference.audit.Finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditFindingsTest {

    private static final CueWords BACKGROUND = CueWords.of("attribute:background");

    private static AssociationResult contrast(double d, double p) {
        return new AssociationResult(ConceptDesign.CUE_CONTRAST, "warm vs cool", "trouser vs bag", d, d - 0.2, d + 0.2, 0.1, p,
                100, false, 10_000, 50, 50, 50, 50, false, List.of());
    }

    @Test
    void aLargeSignificantContrastIsAConcernNamingThePairing() {
        Finding f = AuditFindings.association(contrast(1.4, 1e-4), BACKGROUND, true);

        assertThat(f.severity()).isEqualTo(Severity.CONCERN);
        assertThat(f.text()).isEqualTo("Images with background warm lie nearer trouser and images with background cool nearer"
                + " bag in the model's embeddings, the pairing the training data shows (d = 1.40, 95 % CI 1.20 to 1.60,"
                + " p < 0.001; cosine difference 0.100): a large association; the model's picture of each label moves with"
                + " the background.");
    }

    @Test
    void thresholdsSeparateSmallMediumAndNoAssociation() {
        assertThat(AuditFindings.association(contrast(0.6, 0.001), BACKGROUND, true).text()).contains("a medium association");
        assertThat(AuditFindings.association(contrast(0.3, 0.001), BACKGROUND, true).severity()).isEqualTo(Severity.NOTE);
        Finding notSignificant = AuditFindings.association(contrast(0.6, 0.02), BACKGROUND, false);
        assertThat(notSignificant.severity()).isEqualTo(Severity.OK);
        assertThat(notSignificant.text()).startsWith("The model's embeddings of trouser and bag do not move with the background");
    }

    @Test
    void theIsolatedDesignIsNeverMoreThanANote() {
        AssociationResult isolated = new AssociationResult(ConceptDesign.ISOLATED_CONCEPTS, "trouser vs bag", "warm vs cool",
                -1.3, -1.5, -1.1, -0.5, 1.0, 100, false, 10_000, 50, 50, 50, 50, true, List.of());
        Finding f = AuditFindings.association(isolated, BACKGROUND, true);

        assertThat(f.severity()).isEqualTo(Severity.NOTE);
        assertThat(f.text()).contains("opposite cue-only images").contains("approximations (whole images)");
    }

    @Test
    void consistencyBelowNinetyPercentIsAConcernUnlessTheControlEditFlipsAsMuch() {
        ConsistencyReport flips = new ConsistencyReport(Proportion.of(59, 100), Proportion.of(97, 100),
                List.of(new GroupConsistency("trouser|cool", Proportion.of(10, 40), null)), "trouser|cool");
        Finding f = AuditFindings.consistency(flips, BACKGROUND, CueWords.edited("REPLACE_BACKGROUND"));
        assertThat(f.severity()).isEqualTo(Severity.CONCERN);
        assertThat(f.text()).startsWith("Predictions depend on the background: 41 % flip when it is swapped (95 % CI 32 to 51 %;"
                + " control edit: 3 %). Most affected: trouser|cool, 25 % unchanged.");

        ConsistencyReport editDamage = new ConsistencyReport(Proportion.of(59, 100), Proportion.of(61, 100),
                List.of(new GroupConsistency("g", Proportion.of(59, 100), null)), "g");
        assertThat(AuditFindings.consistency(editDamage, BACKGROUND, "removed").severity()).isEqualTo(Severity.NOTE);

        ConsistencyReport fine = new ConsistencyReport(Proportion.of(95, 100), null,
                List.of(new GroupConsistency("g", Proportion.of(95, 100), null)), "g");
        assertThat(AuditFindings.consistency(fine, BACKGROUND, "removed").severity()).isEqualTo(Severity.OK);
    }

    @Test
    void aRetrievalDropIsAConcernOnlyWhenItsIntervalExcludesZero() {
        OdmapReport drop = new OdmapReport(10, 200, 0, new Estimate(0.84, 0.8, 0.88), new Estimate(0.39, 0.35, 0.43),
                new Estimate(0.45, 0.38, 0.52), List.of());
        assertThat(AuditFindings.retrieval(drop, BACKGROUND, "removed").text()).isEqualTo("Retrieval by embedding leans on the"
                + " background: mAP@10 falls from 0.84 to 0.39 when the background is removed (drop 0.45, 95 % CI 0.38 to 0.52).");
        OdmapReport noise = new OdmapReport(10, 200, 0, new Estimate(0.84, 0.8, 0.88), new Estimate(0.78, 0.7, 0.85),
                new Estimate(0.06, -0.01, 0.12), List.of());
        Finding holds = AuditFindings.retrieval(noise, BACKGROUND, "swapped");
        assertThat(holds.severity()).isEqualTo(Severity.OK);
        assertThat(holds.text()).startsWith("Retrieval by embedding holds when the background is swapped: mAP@10 falls from 0.84");
    }

    @Test
    void cueNamesAndEditsReadAsWords() {
        assertThat(CueWords.of("text:SALE").noun()).isEqualTo("the printed word “SALE”");
        assertThat(CueWords.of("attribute:background=warm").context("cool")).isEqualTo("background cool");
        assertThat(CueWords.of("mask").noun()).isEqualTo("the region outside the object");
        assertThat(CueWords.edited("INPAINT")).isEqualTo("inpainted away");
        assertThat(CueWords.edited(null)).isEqualTo("edited out");
    }
}
