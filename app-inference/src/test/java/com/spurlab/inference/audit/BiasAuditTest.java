package com.spurlab.inference.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.spurlab.inference.cueset.CueSample;
import com.spurlab.inference.cueset.CueSetArchive;
import com.spurlab.inference.cueset.CueSetGenerator;
import com.spurlab.inference.cueset.Backdrop;
import com.spurlab.inference.cueset.CueKind;
import com.spurlab.inference.cueset.CueSetSpec;
import com.spurlab.inference.cueset.CueSetSplits;
import com.spurlab.inference.demo.TinyDemo;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.train.ClassifierTrainer;
import com.spurlab.inference.train.MethodOptions;
import com.spurlab.inference.train.TrainingMethod;
import com.spurlab.inference.train.TrainingProgress;
import com.spurlab.inference.train.TrainingSettings;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole audit on a generated cue set: Fashion-MNIST trousers vs bags on warm or cool backgrounds. One ERM model
 * trains where 95 % of trousers sit on warm and 95 % of bags on cool backgrounds; the other, identically, where both
 * labels sit half on each (the cue cannot help). Both are audited on the same test split (100 per class, half on
 * each background), with REMOVE_BACKGROUND edits as the EDIT run. The pair is one whose shapes a small CNN learns
 * within three epochs, so the cue-trained model encodes both the cue and the object (test accuracy 0.5 to 0.7 over
 * seeds) and the balanced one learns the object (worst group 0.7 to 0.84).
 */
class BiasAuditTest {

    /**
     * Trousers vs bags on warm or cool backgrounds with masks, 32 px, 150 training images per class, on the demo's
     * bright backdrop (the garment hard to tell from the background, so the cue-trained model leans on the cue).
     */
    static final CueSetSpec SPEC = CueSetSpec.of(CueKind.BACKGROUND, List.of(1, 8)).withBackdrop(Backdrop.BRIGHT)
            .withCounts(150, 20, 100).withImageSize(32).withSeed(7L);

    @TempDir
    static Path dir;
    static CueSetSplits cued;
    static Path cueModel;
    static Path balancedModel;
    static List<ConceptSource> test;
    static Map<String, Integer> trainCounts;
    static List<EditedImage> backgroundRemoved;
    static AuditReport erm;
    static AuditReport balanced;

    @BeforeAll
    static void trainBothModels() throws IOException {
        TinyDemo.requireFashionMnist();
        cued = unpack(0.95, "cued");
        CueSetSplits balancedSplits = unpack(0.5, "balanced");
        cueModel = train(cued, "erm-cued");
        balancedModel = train(balancedSplits, "erm-balanced");
        Map<String, CueSample> truth = cued.truthById();
        test = cued.test().stream().map(s -> new ConceptSource(s, truth.get(s.sampleId()).cueValue(),
                dir.resolve("cued").resolve(truth.get(s.sampleId()).maskPath()), List.of())).toList();
        trainCounts = new TreeMap<>();
        cued.train().forEach(s -> trainCounts.merge(s.group(), 1, Integer::sum));
        backgroundRemoved = new ArrayList<>();
        Path edited = Files.createDirectories(dir.resolve("edited"));
        for (ConceptSource s : test) {
            BufferedImage image = ImageIO.read(s.image().imageFile().toFile());
            Path file = edited.resolve(s.image().sampleId() + ".png");
            ImageIO.write(new MaskConceptEditor().withoutCue(image, s), "png", file.toFile());
            backgroundRemoved.add(new EditedImage(s.image().sampleId(), file, null));
        }
        erm = audit(cueModel, new MaskConceptEditor(), "audit-erm");
        balanced = audit(balancedModel, new MaskConceptEditor(), "audit-balanced");
        for (AuditReport r : List.of(erm, balanced)) {
            AssociationResult e = r.eat().get(0);
            AssociationResult i = r.eat().get(1);
            System.out.printf("audit: isolated d %.3f p %.5f; contrast d %.3f [%.3f, %.3f] difference %.4f p %.5f; ODmAP@10 %.3f -> %.3f (drop %.3f); consistency"
                    + " %.3f; worst group %.3f%n", i.effectSize(), i.pValue(), e.effectSize(), e.effectSizeCiLow(), e.effectSizeCiHigh(), e.difference(),
                    e.pValue(), r.odmap().original().value(), r.odmap().edited().value(), r.odmap().drop().value(),
                    r.counterfactualConsistency().overall().value(), r.gaps().worstGroupAccuracy());
        }
    }

    private static CueSetSplits unpack(double agreement, String name) throws IOException {
        CueSetSpec spec = SPEC.withTrainCueAgreement(agreement);
        return CueSetArchive.extract(CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, dir.resolve(name + ".zip"), spec),
                dir.resolve(name));
    }

    private static Path train(CueSetSplits splits, String name) {
        TrainingSettings settings = new TrainingSettings(TrainingMethod.ERM, splits.classNames(), 32, 3, 32, 3e-3f, 5L,
                MethodOptions.defaults());
        return new ClassifierTrainer().train(settings, splits.train(), splits.validation(), dir.resolve(name),
                TrainingProgress.NONE).modelDir();
    }

    private static AuditReport audit(Path model, ConceptImageEditor editor, String name) {
        return new BiasAudit(new ClassifierEvaluator(), editor).run(new AuditRequest("test", "attribute:background", model,
                cued.classNames(), test, trainCounts, backgroundRemoved, "REMOVE_BACKGROUND", dir.resolve(name),
                AuditSettings.defaults(3)));
    }

    /**
     * The cue-contrast test (targets: backgrounds; attributes: labels) is the one whose |d| follows the reliance on
     * the cue. The isolated-concept test of the same models is printed, not asserted: it measured d between -0.8
     * and -1.4 for cue-balanced models over seeds (see {@link ConceptDesign#ISOLATED_CONCEPTS}).
     */
    @Test
    void theCueTrainedModelShowsAStrongAssociationAndARetrievalDropTheBalancedOneDoesNot() {
        AssociationResult cueTest = erm.eat().get(0);
        AssociationResult balancedTest = balanced.eat().get(0);
        // Trousers (label 0) sat on warm backgrounds in training: warm is paired with trouser.
        assertThat(cueTest.design()).isEqualTo(ConceptDesign.CUE_CONTRAST);
        assertThat(cueTest.target()).isEqualTo("warm vs cool");
        assertThat(cueTest.attribute()).isEqualTo("trouser vs bag");
        assertThat(cueTest.effectSize()).isGreaterThanOrEqualTo(0.5);
        assertThat(cueTest.pValue()).isLessThan(0.01);
        assertThat(cueTest.exact()).isFalse();
        assertThat(cueTest.partitions()).isEqualTo(10_000);
        assertThat(Math.abs(balancedTest.effectSize())).isLessThan(Math.abs(cueTest.effectSize()) / 2);
        assertThat(balancedTest.pValue()).isGreaterThan(0.01);

        assertThat(erm.odmap().drop().value()).isGreaterThanOrEqualTo(AuditFindings.DROP);
        assertThat(erm.odmap().drop().ciLow()).isPositive();
        assertThat(balanced.odmap().drop().value()).isLessThan(erm.odmap().drop().value() / 2);
        assertThat(erm.odmap().queries()).isEqualTo(200);

        assertThat(erm.counterfactualConsistency().overall().value())
                .isLessThan(balanced.counterfactualConsistency().overall().value());
        assertThat(erm.gaps().worstGroupAccuracy()).isLessThan(balanced.gaps().worstGroupAccuracy());
    }

    @Test
    void theReportCarriesFindingsIntervalsAndHowEachConceptSetWasBuilt() {
        assertThat(erm.split()).isEqualTo("test");
        assertThat(erm.n()).isEqualTo(200);
        assertThat(erm.approximations()).isEmpty();
        assertThat(erm.eat()).extracting(AssociationResult::design)
                .containsExactly(ConceptDesign.CUE_CONTRAST, ConceptDesign.ISOLATED_CONCEPTS);
        AssociationResult contrast = erm.eat().get(0);
        assertThat(contrast.construction()).hasSize(5);
        assertThat(contrast.construction().get(0)).isEqualTo("X warm: 50 whole images showing warm, balanced over trouser and bag");
        assertThat(contrast.construction().get(2)).isEqualTo("A trouser: 50 whole images of trouser, balanced over warm and cool");
        assertThat(contrast.construction().get(4)).isEqualTo("pairing: warm goes with trouser: 95 % of trouser's training"
                + " samples against 5 % of bag's");
        AssociationResult isolated = erm.eat().get(1);
        assertThat(isolated.approximate()).isFalse();
        assertThat(isolated.target()).isEqualTo("trouser vs bag");
        assertThat(isolated.construction().get(0)).startsWith("X trouser: 50 images balanced over warm and cool, ")
                .contains("neutral grey");
        assertThat(erm.findings().get(0).severity()).isEqualTo(Finding.Severity.CONCERN);
        assertThat(erm.findings()).anySatisfy(f -> {
            assertThat(f.metric()).isEqualTo("eat");
            assertThat(f.severity()).isEqualTo(Finding.Severity.CONCERN);
            assertThat(f.text()).startsWith("Images with background warm lie nearer trouser and images with background cool"
                    + " nearer bag in the model's embeddings, the pairing the training data shows");
        });
        assertThat(erm.findings()).anySatisfy(f -> {
            assertThat(f.metric()).isEqualTo("odmap");
            assertThat(f.text()).startsWith("Retrieval by embedding leans on the background: mAP@10 falls from");
        });
        assertThat(erm.findings()).anySatisfy(f -> assertThat(f.text()).startsWith("Predictions depend on the background: ")
                .contains("flip when it is removed"));
        assertThat(balanced.findings()).filteredOn(f -> f.metric().equals("eat") && f.text().startsWith("The model's"))
                .singleElement().extracting(Finding::severity).isEqualTo(Finding.Severity.OK);
        assertThat(erm.timings().total()).isPositive();
    }

    @Test
    void samplesWithoutAMaskStayWholeAndMarkTheirConceptSetsAsApproximations() {
        List<ConceptSource> halfMasked = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            ConceptSource s = test.get(i);
            halfMasked.add(i % 2 == 0 ? s : new ConceptSource(s.image(), s.cueValue(), null, List.of()));
        }
        AuditReport report = new BiasAudit(new ClassifierEvaluator(), new MaskConceptEditor()).run(new AuditRequest("test",
                "attribute:background", cueModel, cued.classNames(), halfMasked, trainCounts, List.of(), null,
                dir.resolve("half-masked"), AuditSettings.defaults(3)));

        AssociationResult isolated = report.eat().get(1);
        assertThat(isolated.approximate()).isTrue();
        assertThat(isolated.construction().get(0)).containsPattern("; \\d+ of them whole images \\(APPROXIMATION: no mask or box\\)");
        assertThat(report.approximations()).singleElement().asString().startsWith("trouser vs bag / warm vs cool:");
        assertThat(report.eat().get(0).approximate()).isFalse();
        assertThat(report.findings()).filteredOn(f -> f.text().startsWith("Object-only"))
                .allSatisfy(f -> assertThat(f.text()).contains("approximations (whole images)"));
        assertThat(report.counterfactualConsistency()).isNull();
        assertThat(report.notes()).contains("no EDIT run given: counterfactual consistency and ODmAP@k need edited images");
    }

    @Test
    void withoutAnEditorOnlyTheCueContrastTestRuns() {
        AuditReport report = new BiasAudit(new ClassifierEvaluator(), null).run(new AuditRequest("test",
                "attribute:background", cueModel, cued.classNames(), test, Map.of(), backgroundRemoved, "REMOVE_BACKGROUND",
                dir.resolve("no-editor"), AuditSettings.defaults(3)));

        assertThat(report.eat()).singleElement().extracting(AssociationResult::design).isEqualTo(ConceptDesign.CUE_CONTRAST);
        // Without training counts the values are paired alphabetically: cool first.
        assertThat(report.eat().get(0).target()).isEqualTo("cool vs warm");
        assertThat(report.eat().get(0).effectSize()).isLessThanOrEqualTo(-0.5);
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).startsWith("no concept editor"));
        assertThat(report.odmap().drop().value()).isEqualTo(erm.odmap().drop().value());
    }

    @Test
    void aSplitShowingOneCueValueStillGetsItsGapsAndSaysWhyThereIsNoAssociationTest() {
        List<ConceptSource> warmOnly = test.stream().filter(s -> s.cueValue().equals("warm")).toList();
        AuditReport report = new BiasAudit(new ClassifierEvaluator(), null).run(new AuditRequest("test",
                "attribute:background", cueModel, cued.classNames(), warmOnly, trainCounts, List.of(), null,
                dir.resolve("warm-only"), AuditSettings.defaults(3)));

        assertThat(report.eat()).isEmpty();
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).startsWith("no association test: ").contains("values [warm]"));
        assertThat(report.gaps().groups()).extracting(GroupRates::context).containsOnly("warm");
        assertThat(report.gaps().tpr().value()).isNaN();
    }
}
