package com.spurlab.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.core.NotFoundException;
import com.spurlab.core.project.ProjectService;
import com.spurlab.core.run.ArtifactOutput;
import com.spurlab.core.run.GroupResult;
import com.spurlab.core.run.RunService;
import com.spurlab.core.run.SplitEvaluation;
import com.spurlab.core.step.ArtifactType;
import com.spurlab.core.step.StepExecution;
import com.spurlab.core.user.Role;
import com.spurlab.core.user.UserService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Recording an evaluation takes its KPI snapshots in the same transaction (H2 file database, Flyway
 * V14), and the KPIs read them: baseline, best by validation, latest, status.
 */
@SpringBootTest(classes = KpiSnapshotsTest.CoreOnly.class)
class KpiSnapshotsTest {

    private static final Path DATA = temporaryFolder();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan(basePackages = "com.spurlab.core",
            excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
    @EntityScan("com.spurlab.core")
    @EnableJpaRepositories("com.spurlab.core")
    static class CoreOnly {
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spurlab.data-dir", DATA::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA + "/db/spurlab;DB_CLOSE_ON_EXIT=FALSE");
        registry.add("spring.flyway.locations", () -> "classpath:db/migration/common,classpath:db/migration/{vendor}");
        registry.add("spring.jpa.hibernate.ddl-auto", () -> "validate");
    }

    @Autowired
    RunService runs;
    @Autowired
    KpiService kpis;
    @Autowired
    UserService users;
    @Autowired
    ProjectService projects;
    @Autowired
    JdbcTemplate jdbc;
    private long project;
    private long version;
    private long lead;

    @BeforeEach
    void projectWithAVersion() {
        String name = "lead-" + System.nanoTime();
        lead = users.createUnchecked(name, "password-123", Role.LEAD, "Lead").getId();
        project = projects.createUnchecked("p-" + name, "test", lead, List.of()).getId();
        var principal = users.loadUserByUsername(name);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        jdbc.update("insert into dataset_version (project_id, name, version, status, uploaded_by, archive_name, "
                + "archive_size, sample_count, created_at) values (?, 'set', 1, 'READY', ?, 'set.zip', 1, 0, now())",
                project, lead);
        version = jdbc.queryForObject("select max(id) from dataset_version where project_id = ?", Long.class, project);
        kpis.setTargetUnchecked(project, KpiMetric.WORST_GROUP_ACCURACY, 0.85);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** An experiment with a TRAIN and an EVALUATE job; returns the evaluation run's id. */
    private long evaluate(String method, String trainingDetails, double valWga, double testWga, int worstN) {
        jdbc.update("insert into experiment (project_id, dataset_version_id, name, status, created_by, created_at) "
                + "values (?, ?, 'e', 'SUCCEEDED', ?, now())", project, version, lead);
        long experiment = jdbc.queryForObject("select max(id) from experiment", Long.class);
        long[] jobs = new long[2];
        for (int i = 0; i < 2; i++) {
            jdbc.update("insert into job (experiment_id, project_id, step_index, type, params, status, progress, "
                    + "cancel_requested, created_at) values (?, ?, ?, 'TRAIN', '{}', 'SUCCEEDED', 1, false, now())",
                    experiment, project, i);
            jobs[i] = jdbc.queryForObject("select max(id) from job", Long.class);
        }
        long model = runs.record(job(jobs[0], experiment), "TRAIN", method, null, trainingDetails,
                List.of(ArtifactOutput.files(ArtifactType.MODEL, DATA.resolve("jobs/job-" + jobs[0]))));
        return runs.recordEvaluation(job(jobs[1], experiment), model,
                List.of(split("val", valWga, 100), split("test", testWga, worstN)), null, List.of());
    }

    private StepExecution<Void> job(long jobId, long experiment) {
        return new StepExecution<>(jobId, experiment, project, version, null, null, null,
                DATA.resolve("jobs/job-" + jobId), 0, false);
    }

    private static SplitEvaluation split(String name, double wga, int worstN) {
        int right = (int) Math.round(wga * worstN);
        List<GroupResult> groups = List.of(new GroupResult("coat|warm", worstN, right, (double) right / worstN, worstN < 20),
                new GroupResult("coat|cool", 300, 297, 0.99, false));
        double accuracy = (right + 297.0) / (worstN + 300);
        double w = (double) right / worstN;
        return new SplitEvaluation(name, worstN + 300, accuracy, w, "coat|warm", Math.max(0, w - 0.08),
                Math.min(1, w + 0.06), (w + 0.99) / 2, accuracy - w, "background", groups);
    }

    @Test
    void everyRecordedEvaluationIsSnapshottedAndTheKpiComparesBaselineBestByValidationAndLatest() {
        long erm = evaluate("ERM", "{\"validationWorstGroupAccuracy\":0.2,\"validationUsedForFitting\":false}", 0.2, 0.15, 200);
        long reweight = evaluate("REWEIGHT", null, 0.9, 0.93, 200);
        // Best on test, worse on validation: not the best.
        long jtt = evaluate("JTT", null, 0.7, 0.97, 200);

        assertThat(jdbc.queryForObject("select count(*) from kpi_snapshot where project_id = ?", Integer.class, project))
                .isEqualTo(6);
        KpiStatus wga = kpis.kpis(project).get(0);
        assertThat(wga.baselinePoint().evaluationRunId()).isEqualTo(erm);
        assertThat(wga.bestPoint().evaluationRunId()).isEqualTo(reweight);
        assertThat(wga.latestPoint().evaluationRunId()).isEqualTo(jtt);
        assertThat(wga.best()).isEqualTo(0.93);
        assertThat(wga.status()).isEqualTo(TargetStatus.MET);
        assertThat(wga.comparedOn()).isEqualTo(new SnapshotScope(version, "background", "test"));

        kpis.setBaseline(project, jtt);
        assertThat(kpis.kpis(project).get(0).baselinePoint().evaluationRunId()).isEqualTo(jtt);
        assertThatThrownBy(() -> kpis.setBaseline(project, 999_999)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDfrModelsValSplitIsMarkedUsedForFittingAndItIsRankedByWhatItsTrainingHeldOut() {
        long dfr = evaluate("DFR", "{\"validationWorstGroupAccuracy\":0.61,\"validationUsedForFitting\":true}", 0.99, 0.9,
                5);

        assertThat(jdbc.queryForList("select split, used_for_fitting, validation_wga, validation_source from kpi_snapshot "
                + "where evaluation_run_id = ? order by split", dfr)).extracting(r -> List.of(r.get("SPLIT"),
                r.get("USED_FOR_FITTING"), r.get("VALIDATION_WGA"), r.get("VALIDATION_SOURCE")))
                .containsExactly(List.of("test", false, 0.61, "TRAINING"), List.of("val", true, 0.61, "TRAINING"));
        // Met-looking (0.9 against 0.85) but the worst test group has 5 images.
        assertThat(kpis.kpis(project).get(0).status()).isEqualTo(TargetStatus.UNCERTAIN);
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("spurlab-kpi-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
