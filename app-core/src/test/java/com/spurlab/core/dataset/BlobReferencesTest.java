package com.spurlab.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.spurlab.core.storage.BlobStore;
import com.spurlab.core.storage.StorageSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** Blob clean-up on the real schema (Flyway on in-memory H2): referenced and freshly claimed blobs stay. */
class BlobReferencesTest {

    @TempDir
    Path dir;
    private JdbcTemplate jdbc;
    private BlobStore blobs;
    private BlobReferences references;

    @BeforeEach
    void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + dir.getFileName() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
        jdbc = new JdbcTemplate(ds);
        blobs = new BlobStore(new StorageSettings(dir.resolve("data"), 1L << 32, 1 << 20, 1 << 24));
        references = new BlobReferences(jdbc, blobs);
        jdbc.update("insert into app_user (id, username, password_hash, role, display_name, enabled, created_at) "
                + "values (1, 'lead', 'x', 'LEAD', 'Lead', true, current_timestamp)");
        jdbc.update("insert into project (id, name, created_by, created_at) values (1, 'p', 1, current_timestamp)");
    }

    @Test
    void removesOnlyBlobsNoSampleReferences() throws Exception {
        String kept = stored(1, Instant.now().minusSeconds(3600));
        String mask = stored(2, Instant.now().minusSeconds(3600));
        String free = stored(3, Instant.now().minusSeconds(3600));
        version(1, "READY", Instant.now().minusSeconds(7200));
        jdbc.update("insert into sample (dataset_version_id, path, image_hash, mask_hash, label, split, attributes, "
                + "width, height) values (1, 'a.png', ?, ?, 'cat', 'train', '{}', 16, 16)", kept, mask);

        assertThat(references.removeUnreferenced(List.of(kept, mask, free, free))).isEqualTo(1);

        assertThat(blobs.path(kept)).exists();
        assertThat(blobs.path(mask)).exists();
        assertThat(blobs.path(free)).doesNotExist();
    }

    @Test
    void sparesBlobsARunningValidationHasClaimedSinceItBegan() throws Exception {
        version(1, "VALIDATING", Instant.now().minusSeconds(600));
        validationJob(1, "RUNNING");
        String claimed = stored(4, Instant.now().minusSeconds(3600));
        String old = stored(5, Instant.now().minusSeconds(3600));
        // The running validation finds the first blob already stored: putIfAbsent touches it.
        assertThat(blobs.putIfAbsent(claimed, bytes(4))).isFalse();

        assertThat(references.removeUnreferenced(List.of(claimed, old))).isEqualTo(1);

        assertThat(blobs.path(claimed)).exists();
        assertThat(blobs.path(old)).doesNotExist();
    }

    @Test
    void aVersionLeftValidatingByADeadJobBlocksNoCleanUp() throws Exception {
        version(1, "VALIDATING", Instant.now().minusSeconds(600));
        validationJob(1, "FAILED");
        String touched = stored(6, Instant.now().minusSeconds(3600));
        assertThat(blobs.putIfAbsent(touched, bytes(6))).isFalse();

        assertThat(references.removeUnreferenced(List.of(touched))).isEqualTo(1);
        assertThat(blobs.path(touched)).doesNotExist();
    }

    private void validationJob(long versionId, String status) {
        jdbc.update("insert into job (project_id, step_index, type, params, status, progress, cancel_requested, "
                + "created_at, input_dataset_version_id) values (1, 0, 'VALIDATE', '{}', ?, 0, false, current_timestamp, ?)",
                status, versionId);
    }

    private void version(long id, String status, Instant created) {
        jdbc.update("insert into dataset_version (id, project_id, name, version, status, uploaded_by, archive_name, "
                + "archive_size, sample_count, created_at) values (?, 1, 'd', ?, ?, 1, 'a.zip', 1, 0, ?)",
                id, (int) id, status, java.sql.Timestamp.from(created));
    }

    private String stored(int index, Instant touched) throws Exception {
        byte[] bytes = bytes(index);
        String hash = BlobStore.sha256(bytes);
        assertThat(blobs.putIfAbsent(hash, bytes)).isTrue();
        Files.setLastModifiedTime(blobs.path(hash), FileTime.from(touched));
        return hash;
    }

    private static byte[] bytes(int index) {
        return TestArchives.rgb(index);
    }
}
