package com.spurlab.core.dataset;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.Json;
import com.spurlab.core.NotFoundException;
import com.spurlab.core.storage.BlobStore;
import com.spurlab.core.storage.StorageSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dataset versions that steps derive (an edited test split, a synthesised training split, an inferred cue
 * attribute): READY at once, their unchanged samples shared with the source by reference (same blobs, rows
 * that point at their origin), their new images stored as blobs, each new sample with its provenance.
 * All or nothing: the version and its samples are written in one transaction, and blobs stored for a
 * derivation that failed are given back.
 */
@Service
public class DerivedVersions {

    private final DatasetVersions versions;
    private final DatasetService datasets;
    private final BlobStore blobs;
    private final BlobReferences references;
    private final StorageSettings storage;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    DerivedVersions(DatasetVersions versions, DatasetService datasets, BlobStore blobs, BlobReferences references,
                    StorageSettings storage, JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.versions = versions;
        this.datasets = datasets;
        this.blobs = blobs;
        this.references = references;
        this.storage = storage;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * A new image of a derived version.
     *
     * @param image          a PNG or JPEG the step wrote (copied into the blob store; the file is left alone)
     * @param mask           its foreground mask (single-channel PNG), or null
     * @param originSampleId the sample it was made from (an edit's original), or null
     * @param provenance     how it was made (operation, sources, seed) as a JSON-serialisable value
     */
    public record AddedSample(Path image, Path mask, String label, String split, String caption,
                              Map<String, String> attributes, Long originSampleId, Object provenance) {
    }

    /**
     * What a step derives.
     *
     * @param sharedSplits     the source's splits kept as they are (shared by reference)
     * @param extraAttributes  attributes added to shared samples, by source sample id (an inferred {@code cue:})
     * @param added            new samples
     */
    public record Derivation(long sourceVersionId, long jobId, String step, Set<String> sharedSplits,
                             Map<Long, Map<String, String>> extraAttributes, List<AddedSample> added) {
    }

    /** Derives the version; a job recovered after it had derived gets the same version back. */
    public DatasetVersionView derive(Derivation d) {
        DatasetVersion existing = versions.findByDerivedByJob(d.jobId()).orElse(null);
        if (existing != null) {
            return datasets.getForJob(existing.getId());
        }
        DatasetVersion source = versions.findById(d.sourceVersionId())
                .orElseThrow(() -> new NotFoundException("dataset version", d.sourceVersionId()));
        if (source.getStatus() != DatasetStatus.READY) {
            throw new InvalidRequestException("dataset_not_ready", "dataset version " + source.getId() + " is "
                    + source.getStatus() + "; only READY versions are derived from");
        }
        List<String> stored = new ArrayList<>();
        try {
            List<Object[]> rows = new ArrayList<>();
            List<CompositionCalculator.Row> composition = new ArrayList<>();
            for (Shared s : shared(source.getId(), d.sharedSplits())) {
                Map<String, String> attributes = new LinkedHashMap<>(s.attributes());
                attributes.putAll(d.extraAttributes().getOrDefault(s.id(), Map.of()));
                rows.add(new Object[] {s.path(), s.imageHash(), s.maskHash(), s.label(), s.split(), s.caption(),
                        Json.write(attributes), s.width(), s.height(), s.id(), null});
                composition.add(new CompositionCalculator.Row(s.label(), s.split(), attributes));
            }
            ImageInspector inspector = new ImageInspector(storage.maxImagePixels());
            for (AddedSample a : d.added()) {
                byte[] bytes = Files.readAllBytes(a.image());
                ImageInspector.Inspected facts = inspector.inspect(bytes);
                String hash = blobs.put(bytes);
                stored.add(hash);
                String maskHash = a.mask() == null ? null : blobs.put(Files.readAllBytes(a.mask()));
                if (maskHash != null) {
                    stored.add(maskHash);
                }
                rows.add(new Object[] {"derived/" + a.split() + "/" + hash.substring(0, 16) + ".png", hash, maskHash,
                        a.label(), a.split(), a.caption(), Json.write(a.attributes()), facts.width(), facts.height(),
                        a.originSampleId(), a.provenance() == null ? null : Json.write(a.provenance())});
                composition.add(new CompositionCalculator.Row(a.label(), a.split(), a.attributes()));
            }
            String name = nameFor(source, d.step());
            ValidationReport report = new ValidationReport("derived", null, rows.size(), rows.size(), "READY",
                    List.of(new ValidationReport.Problem(ValidationReport.Severity.WARNING, null, null,
                            "derived by job " + d.jobId() + " (" + d.step() + ") from " + source.getName() + " v"
                                    + source.getVersion() + ": " + d.added().size() + " new images, "
                                    + (rows.size() - d.added().size()) + " shared with the source", 0)));
            Composition summary = CompositionCalculator.of(composition);
            long id = tx.execute(status -> {
                DatasetVersion version = versions.save(DatasetVersion.derived(source, name,
                        versions.maxVersion(source.getProjectId(), name) + 1, d.jobId(), d.step(), rows.size(),
                        Json.write(report), Json.write(summary), clock.instant()));
                jdbc.batchUpdate("insert into sample (dataset_version_id, path, image_hash, mask_hash, label, split, "
                        + "caption, attributes, width, height, origin_sample_id, provenance) values (?,?,?,?,?,?,?,?,?,?,?,?)",
                        rows, 1000, (ps, r) -> {
                            ps.setLong(1, version.getId());
                            for (int i = 0; i < r.length; i++) {
                                ps.setObject(i + 2, r[i]);
                            }
                        });
                return version.getId();
            });
            return datasets.getForJob(id);
        } catch (IOException e) {
            references.removeUnreferenced(stored);
            throw new UncheckedIOException("cannot store the derived images", e);
        } catch (ImageInspector.InvalidImageException e) {
            references.removeUnreferenced(stored);
            throw new IllegalStateException("a derived image is unreadable: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            references.removeUnreferenced(stored);
            throw e;
        }
    }

    /**
     * A sample a step made (not one shared with the source), as stored.
     *
     * @param originSampleId the source sample it was made from
     * @param provenance     the step's JSON: operation, sources, seed ...
     */
    public record MadeSample(long id, String label, String split, Long originSampleId, String provenance) {
    }

    /** The samples a step added to a derived version, in the order they were added (for jobs; no caller). */
    public List<MadeSample> made(long versionId) {
        return jdbc.query("select id, label, split, origin_sample_id, provenance from sample where dataset_version_id = ?"
                + " and provenance is not null order by id", (rs, n) -> new MadeSample(rs.getLong(1), rs.getString(2),
                rs.getString(3), (Long) rs.getObject(4, Long.class), rs.getString(5)), versionId);
    }

    /** Derived versions of a source (deleting the source needs them gone first). */
    public List<Long> derivedFrom(long sourceVersionId) {
        return versions.findByDerivedFrom(sourceVersionId).stream().map(DatasetVersion::getId).toList();
    }

    private record Shared(long id, String path, String imageHash, String maskHash, String label, String split,
                          String caption, Map<String, String> attributes, int width, int height) {
    }

    private List<Shared> shared(long versionId, Set<String> splits) {
        if (splits.isEmpty()) {
            return List.of();
        }
        List<Shared> out = new ArrayList<>();
        jdbc.query("select id, path, image_hash, mask_hash, label, split, caption, attributes, width, height "
                + "from sample where dataset_version_id = ? order by id", rs -> {
            if (splits.contains(rs.getString(6))) {
                out.add(new Shared(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), Json.readStringMap(rs.getString(8), "attributes"),
                        rs.getInt(9), rs.getInt(10)));
            }
        }, versionId);
        return out;
    }

    private static String nameFor(DatasetVersion source, String step) {
        String name = source.getName() + "-" + step.toLowerCase(Locale.ROOT);
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
