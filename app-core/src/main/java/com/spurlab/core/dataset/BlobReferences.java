package com.spurlab.core.dataset;

import com.spurlab.core.storage.BlobStore;
import java.io.UncheckedIOException;
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
 * mask, so identical images shared between versions survive the deletion of one of them.
 */
@Component
class BlobReferences {

    private static final Logger log = LoggerFactory.getLogger(BlobReferences.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final BlobStore blobs;

    BlobReferences(JdbcTemplate jdbc, BlobStore blobs) {
        this.jdbc = jdbc;
        this.blobs = blobs;
    }

    /** Removes those of the hashes that no sample references; returns how many were removed. */
    int removeUnreferenced(Collection<String> hashes) {
        List<String> all = new ArrayList<>(new HashSet<>(hashes));
        int removed = 0;
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            Set<String> used = referenced(batch);
            for (String hash : batch) {
                if (!used.contains(hash)) {
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
