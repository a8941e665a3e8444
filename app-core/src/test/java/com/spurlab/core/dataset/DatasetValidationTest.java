package com.spurlab.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.core.project.ProjectService;
import com.spurlab.core.storage.BlobStore;
import com.spurlab.core.storage.StorageSettings;
import com.spurlab.core.user.Role;
import com.spurlab.core.user.UserService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The validation service on app-core's own beans (H2 file database, Flyway): READY for a good archive,
 * and when storing blobs fails midway (a full disk) the version is REJECTED with the cause and the
 * blobs and archive it had written are gone.
 */
@SpringBootTest(classes = DatasetValidationTest.CoreOnly.class)
class DatasetValidationTest {

    private static final Path DATA = temporaryFolder();
    /** Blob writes that still succeed; negative means unlimited. */
    static final AtomicInteger WRITES_LEFT = new AtomicInteger(-1);

    @SpringBootConfiguration
    @EnableAutoConfiguration
    // Other test configurations under com.spurlab.core (benchmark, tests) must not be picked up.
    @ComponentScan(basePackages = "com.spurlab.core",
            excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
    @EntityScan("com.spurlab.core")
    @EnableJpaRepositories("com.spurlab.core")
    static class CoreOnly {

        /** The real store, except that the disk "fills up" when the test says so. */
        @Bean
        @Primary
        BlobStore fillingBlobStore(StorageSettings settings) {
            return new BlobStore(settings) {
                @Override
                public boolean putIfAbsent(String hash, byte[] bytes) {
                    if (WRITES_LEFT.get() >= 0 && WRITES_LEFT.getAndDecrement() == 0) {
                        throw new UncheckedIOException("cannot store blob " + hash,
                                new IOException("No space left on device"));
                    }
                    return super.putIfAbsent(hash, bytes);
                }
            };
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spurlab.data-dir", DATA::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA + "/db/spurlab;DB_CLOSE_ON_EXIT=FALSE");
        registry.add("spring.flyway.locations", () -> "classpath:db/migration/common,classpath:db/migration/{vendor}");
        registry.add("spring.jpa.hibernate.ddl-auto", () -> "validate");
    }

    @Autowired
    DatasetService datasets;
    @Autowired
    DatasetValidation validation;
    @Autowired
    StorageSettings storage;
    @Autowired
    UserService users;
    @Autowired
    ProjectService projects;
    private long project;

    @BeforeEach
    void signIn() {
        String name = "lead-" + System.nanoTime();
        var lead = users.createUnchecked(name, "password-123", Role.LEAD, "Lead");
        project = projects.createUnchecked("p-" + name, "test", lead.getId(), List.of()).getId();
        var principal = users.loadUserByUsername(name);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    @AfterEach
    void reset() {
        WRITES_LEFT.set(-1);
        SecurityContextHolder.clearContext();
    }

    @Test
    void aGoodArchiveBecomesReadyWithItsComposition() throws IOException {
        long id = upload(TestArchives.balanced(5).writeTar(DATA.resolve("ok.tar.gz"), true, java.util.Map.of()));

        assertThat(validation.validate(id)).isEqualTo(DatasetStatus.READY);

        DatasetVersionView v = datasets.get(id);
        assertThat(v.samples()).isEqualTo(20);
        assertThat(v.format()).isEqualTo("spurlab-manifest");
        assertThat(v.progress()).isEqualTo(1.0);
        assertThat(v.composition().byAttribute().get("bg").suspectedCue()).isTrue();
        assertThat(datasets.archivePath(id)).doesNotExist();
    }

    @Test
    void aFullDiskRejectsTheVersionAndGivesItsBlobsBack() throws IOException {
        List<String> before = blobFiles();
        long id = upload(TestArchives.balanced(10).entry("z.png", TestArchives.rgb(999)).write(DATA.resolve("big.zip")));
        WRITES_LEFT.set(15);

        assertThatThrownBy(() -> validation.validate(id)).isInstanceOf(UncheckedIOException.class);

        DatasetVersionView v = datasets.get(id);
        assertThat(v.status()).isEqualTo(DatasetStatus.REJECTED);
        assertThat(v.samples()).isZero();
        // The uploader reads the report: the kind of failure, never the exception's text (paths, SQL).
        assertThat(v.report().problems().get(0).problem()).contains("validation could not finish")
                .contains("UncheckedIOException").doesNotContain("No space").doesNotContain(DATA.toString());
        assertThat(blobFiles()).isEqualTo(before);
        assertThat(datasets.archivePath(id)).doesNotExist();
    }

    @Test
    void aLabelLongerThanItsColumnIsAReportLineAndTheRejectedVersionLeavesNoBlobs() throws IOException {
        List<String> before = blobFiles();
        TestArchives archive = TestArchives.balanced(5);
        String tooLong = "x".repeat(SampleFieldLimits.LABEL + 1);
        String csv = new String(archive.get("manifest.csv"), java.nio.charset.StandardCharsets.UTF_8)
                .replace(",coat,", "," + tooLong + ",");
        long id = upload(archive.manifest(csv).write(DATA.resolve("long-label.zip")));

        assertThat(validation.validate(id)).isEqualTo(DatasetStatus.REJECTED);

        ValidationReport report = datasets.get(id).report();
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.problem()).isEqualTo("label is 201 characters long; at most 200 are allowed");
            assertThat(p.file()).isEqualTo("manifest.csv");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.count()).isEqualTo(10);
        });
        assertThat(report.problems()).noneSatisfy(p -> assertThat(p.problem()).containsIgnoringCase("sql"));
        assertThat(blobFiles()).isEqualTo(before);
        assertThat(datasets.archivePath(id)).doesNotExist();
    }

    @Test
    void aFailureReportNamesOnlyTheKindOfErrorNeverItsSqlOrPaths() throws IOException {
        long id = upload(TestArchives.balanced(2).write(DATA.resolve("sql.zip")));

        validation.failed(id, "DataIntegrityViolationException: PreparedStatementCallback; SQL [insert into sample "
                + "(dataset_version_id, path) values (?,?)]; Value too long for column \"LABEL\"");

        String problem = datasets.get(id).report().problems().get(0).problem();
        assertThat(problem).startsWith("validation could not finish: DataIntegrityViolationException")
                .contains("a database error").doesNotContain("insert").doesNotContain("LABEL");
        assertThat(DatasetValidation.redact("IOException: " + DATA + "/uploads/version-7.archive (gone)"))
                .isEqualTo("IOException: <server path> (gone)");
        assertThat(DatasetValidation.redact("validation job 12 cancelled: validation cancelled by a lead"))
                .isEqualTo("validation job 12 cancelled: validation cancelled by a lead");
    }

    @Test
    void concurrentUploadsOfOneNameGetConsecutiveVersions() throws Exception {
        Path archive = TestArchives.balanced(1).write(DATA.resolve("race.zip"));
        var auth = SecurityContextHolder.getContext().getAuthentication();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> versions = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                versions.add(pool.submit(() -> {
                    SecurityContextHolder.getContext().setAuthentication(auth);
                    start.await();
                    try (InputStream in = Files.newInputStream(archive)) {
                        return datasets.upload(project, "raced", "race.zip", in).version();
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }));
            }
            start.countDown();
            List<Integer> numbers = new java.util.ArrayList<>();
            for (var v : versions) {
                numbers.add(v.get());
            }
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> staged = Files.list(storage.uploads())) {
            assertThat(staged.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    private long upload(Path archive) throws IOException {
        try (InputStream in = Files.newInputStream(archive)) {
            return datasets.upload(project, "d", archive.getFileName().toString(), in).id();
        }
    }

    private List<String> blobFiles() throws IOException {
        if (!Files.exists(storage.blobs())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(storage.blobs())) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("spurlab-core-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
