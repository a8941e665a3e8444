package com.spurlab.core.dataset;

import com.spurlab.core.Json;
import com.spurlab.core.NotFoundException;
import com.spurlab.core.project.Capability;
import com.spurlab.core.project.ProjectAccess;
import com.spurlab.core.storage.BlobStore;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The samples of a version for people: pages of one group for the thumbnail gallery, one image, and
 * the diff of two versions. Every call is checked like reading the version itself (vendors: own only).
 */
@Service
@Transactional(readOnly = true)
public class DatasetSamples {

    public static final int MAX_PAGE = 200;
    private static final int EXAMPLES = 24;

    private final DatasetService datasets;
    private final JdbcTemplate jdbc;
    private final BlobStore blobs;
    private final ProjectAccess access;

    DatasetSamples(DatasetService datasets, JdbcTemplate jdbc, BlobStore blobs, ProjectAccess access) {
        this.datasets = datasets;
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.access = access;
    }

    /**
     * A page of one group's samples; null split/label/attribute mean "any". The attribute filter keeps
     * samples whose {@code attribute} has {@code value}.
     */
    public List<SampleView> page(long versionId, String split, String label, String attribute, String value,
                                 int offset, int limit) {
        datasets.get(versionId);
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        // Split and label narrow the rows in SQL (indexed by version and split); attributes are JSON, checked here.
        return rows(versionId, split, label).stream()
                .filter(s -> attribute == null || Objects.equals(s.view().attributes().get(attribute), value))
                .skip(Math.max(0, offset)).limit(size).map(Row::view).toList();
    }

    /**
     * Samples per split and label (split → label → count), for versions without attributes whose
     * composition has no label × value tables.
     */
    public Map<String, Map<String, Integer>> labelCounts(long versionId) {
        datasets.get(versionId);
        Map<String, Map<String, Integer>> out = new java.util.TreeMap<>();
        jdbc.query("select split, label, count(*) as n from sample where dataset_version_id = ? group by split, label",
                rs -> {
                    out.computeIfAbsent(rs.getString("split"), k -> new java.util.TreeMap<>())
                            .put(rs.getString("label"), rs.getInt("n"));
                }, versionId);
        return out;
    }

    /** The stored image of one sample of the version. */
    public Path image(long versionId, long sampleId) {
        datasets.get(versionId);
        return imagePath(versionId, sampleId);
    }

    /**
     * A PNG of the sample's image scaled to fit {@code maxSide} (never enlarged), for galleries: a page
     * of thumbnails stays small whatever the size of the originals.
     */
    public byte[] thumbnail(long versionId, long sampleId, int maxSide) {
        return scaled(image(versionId, sampleId), maxSide);
    }

    /**
     * A thumbnail for result views (an evaluation's errors, a cue's evidence): for those who read the
     * project's results, executives too, who do not browse its datasets.
     */
    public byte[] resultThumbnail(long versionId, long sampleId, int maxSide) {
        access.require(datasets.getForJob(versionId).projectId(), com.spurlab.core.project.Capability.READ_RESULTS);
        return scaled(imagePath(versionId, sampleId), maxSide);
    }

    private Path imagePath(long versionId, long sampleId) {
        List<String> hash = jdbc.queryForList("select image_hash from sample where id = ? and dataset_version_id = ?",
                String.class, sampleId, versionId);
        if (hash.isEmpty()) {
            throw new NotFoundException("sample", sampleId);
        }
        return blobs.path(hash.get(0));
    }

    /** A cue's evidence image: the same as {@link #resultThumbnail}, for those who read the project's results. */
    public byte[] evidenceThumbnail(long versionId, long sampleId, int maxSide) {
        return resultThumbnail(versionId, sampleId, maxSide);
    }

    private static byte[] scaled(Path file, int maxSide) {
        int side = Math.max(16, Math.min(maxSide, 512));
        try {
            BufferedImage original = ImageIO.read(file.toFile());
            if (original == null) {
                throw new IllegalStateException("stored image " + file.getFileName() + " does not decode");
            }
            double scale = Math.min(1.0, (double) side / Math.max(original.getWidth(), original.getHeight()));
            int w = Math.max(1, (int) Math.round(original.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(original.getHeight() * scale));
            BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scaled.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(original, 0, 0, w, h, null);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(scaled, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stored image " + file.getFileName(), e);
        }
    }

    /** Compares two versions the caller may read (usually n and n+1 of one dataset). */
    public VersionDiff diff(long fromId, long toId) {
        DatasetVersionView from = datasets.get(fromId);
        DatasetVersionView to = datasets.get(toId);
        List<Row> before = rows(fromId, null, null);
        List<Row> after = rows(toId, null, null);
        Map<String, Row> beforeByHash = new HashMap<>();
        before.forEach(r -> beforeByHash.putIfAbsent(r.hash(), r));
        Map<String, Row> afterByHash = new HashMap<>();
        after.forEach(r -> afterByHash.putIfAbsent(r.hash(), r));
        List<SampleView> added = new ArrayList<>();
        int addedCount = 0;
        int unchanged = 0;
        int relabelled = 0;
        for (Row r : after) {
            Row old = beforeByHash.get(r.hash());
            if (old == null) {
                if (addedCount++ < EXAMPLES) {
                    added.add(r.view());
                }
            } else if (old.view().label().equals(r.view().label()) && old.view().split().equals(r.view().split())) {
                unchanged++;
            } else {
                relabelled++;
            }
        }
        List<SampleView> removed = new ArrayList<>();
        int removedCount = 0;
        for (Row r : before) {
            if (!afterByHash.containsKey(r.hash()) && removedCount++ < EXAMPLES) {
                removed.add(r.view());
            }
        }
        return new VersionDiff(fromId, from.label(), toId, to.label(), addedCount, removedCount, unchanged,
                relabelled, added, removed, counts(before, after), attributes(from.composition(), to.composition()));
    }

    private static List<VersionDiff.CountChange> counts(List<Row> before, List<Row> after) {
        Map<String, int[]> counts = new TreeMap<>();
        before.forEach(r -> counts.computeIfAbsent(r.view().split() + "\u0000" + r.view().label(), k -> new int[2])[0]++);
        after.forEach(r -> counts.computeIfAbsent(r.view().split() + "\u0000" + r.view().label(), k -> new int[2])[1]++);
        return counts.entrySet().stream().map(e -> {
            String[] key = e.getKey().split("\u0000", 2);
            return new VersionDiff.CountChange(key[0], key[1], e.getValue()[0], e.getValue()[1]);
        }).toList();
    }

    private static List<VersionDiff.AttributeChange> attributes(Composition before, Composition after) {
        Map<String, Composition.AttributeComposition> b = before == null ? Map.of() : before.byAttribute();
        Map<String, Composition.AttributeComposition> a = after == null ? Map.of() : after.byAttribute();
        TreeSet<String> names = new TreeSet<>(b.keySet());
        names.addAll(a.keySet());
        return names.stream().map(n -> new VersionDiff.AttributeChange(n,
                b.containsKey(n) ? b.get(n).cramersV() : null, a.containsKey(n) ? a.get(n).cramersV() : null,
                b.containsKey(n) && b.get(n).suspectedCue(), a.containsKey(n) && a.get(n).suspectedCue())).toList();
    }

    private List<Row> rows(long versionId, String split, String label) {
        List<Object> args = new ArrayList<>(List.of(versionId));
        StringBuilder where = new StringBuilder("where dataset_version_id = ?");
        if (split != null) {
            where.append(" and split = ?");
            args.add(split);
        }
        if (label != null) {
            where.append(" and label = ?");
            args.add(label);
        }
        return jdbc.query("select id, path, image_hash, label, split, attributes, width, height from sample "
                        + where + " order by id",
                (rs, n) -> new Row(rs.getString("image_hash"), new SampleView(rs.getLong("id"), rs.getString("path"),
                        rs.getString("label"), rs.getString("split"), Json.readStringMap(rs.getString("attributes"), "attributes"),
                        rs.getInt("width"), rs.getInt("height"))),
                args.toArray());
    }

    private record Row(String hash, SampleView view) {
    }
}
