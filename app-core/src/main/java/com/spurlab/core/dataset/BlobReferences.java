package com.spurlab.core.dataset;

import com.spurlab.core.storage.BlobStore;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives blobs back: a blob is removed only when no sample of any version references it as image or
 * mask, so identical images shared between versions survive the deletion of one of them. A validation
 * still running may be about to reference a blob it found already stored (its samples are not written
 * yet); it touches such blobs, and blobs touched since the oldest live validation began are spared (a
 * version left validating by a job that died does not count, so it never blocks clean-ups).
 * Sparing can leave an orphan behind, never a sample without its image.
 */
@Component
class BlobReferences {

    private static final Logger log = LoggerFactory.getLogger(BlobReferences.class);
    private static final int BATCH = 500;
    /** Clocks of several nodes sharing the blob folder may differ a little. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final BlobStore blobs;

    BlobReferences(JdbcTemplate jdbc, BlobStore blobs) {
        this.jdbc = jdbc;
        this.blobs = blobs;
    }

    /** Removes those of the hashes that no sample references; returns how many were removed. */
    int removeUnreferenced(Collection<String> hashes) {
        List<String> all = new ArrayList<>(new HashSet<>(hashes));
        java.sql.Timestamp oldest = jdbc.queryForObject(
                "select min(v.created_at) from dataset_version v where v.status = 'VALIDATING' and exists (select 1"
                        + " from job j where j.type = 'VALIDATE' and j.input_dataset_version_id = v.id"
                        + " and j.status in ('QUEUED', 'RUNNING'))", java.sql.Timestamp.class);
        Instant spareSince = oldest == null ? null : oldest.toInstant().minus(CLOCK_SLACK);
        int removed = 0;
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            Set<String> used = referenced(batch);
            for (String hash : batch) {
                Instant touched = blobs.touchedAt(hash);
                if (!used.contains(hash) && touched != null && (spareSince == null || touched.isBefore(spareSince))) {
                    try {
                        blobs.delete(hash);
                        removed++;
                    } catch (UncheckedIOException e) {
                        log.warn("cannot remove blob {}: {}", hash, e.getMessage());
                    }
                }
            }
        }
        return removed;
    }

    private Set<String> referenced(List<String> batch) {
        String marks = String.join(",", java.util.Collections.nCopies(batch.size(), "?"));
        Object[] args = new Object[batch.size() * 2];
        for (int i = 0; i < batch.size(); i++) {
            args[i] = batch.get(i);
            args[batch.size() + i] = batch.get(i);
        }
        return new HashSet<>(jdbc.queryForList("select image_hash from sample where image_hash in (" + marks
                + ") union select mask_hash from sample where mask_hash in (" + marks + ")", String.class, args));
    }
}
