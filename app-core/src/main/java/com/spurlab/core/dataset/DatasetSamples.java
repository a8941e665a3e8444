package com.spurlab.core.dataset;

import com.spurlab.core.NotFoundException;
import com.spurlab.core.storage.BlobStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
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

    DatasetSamples(DatasetService datasets, JdbcTemplate jdbc, BlobStore blobs) {
        this.datasets = datasets;
        this.jdbc = jdbc;
        this.blobs = blobs;
    }

    /**
     * A page of one group's samples; null split/label/attribute mean "any". The attribute filter keeps
     * samples whose {@code attribute} has {@code value}.
     */
    public List<SampleView> page(long versionId, String split, String label, String attribute, String value,
                                 int offset, int limit) {
        datasets.get(versionId);
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        return rows(versionId).stream()
                .filter(s -> split == null || s.view().split().equals(split))
                .filter(s -> label == null || s.view().label().equals(label))
                .filter(s -> attribute == null || Objects.equals(s.view().attributes().get(attribute), value))
                .skip(Math.max(0, offset)).limit(size).map(Row::view).toList();
    }

    /** The stored image of one sample of the version. */
    public Path image(long versionId, long sampleId) {
        datasets.get(versionId);
        List<String> hash = jdbc.queryForList("select image_hash from sample where id = ? and dataset_version_id = ?",
                String.class, sampleId, versionId);
        if (hash.isEmpty()) {
            throw new NotFoundException("sample", sampleId);
        }
        return blobs.path(hash.get(0));
    }

    /** Compares two versions the caller may read (usually n and n+1 of one dataset). */
    public VersionDiff diff(long fromId, long toId) {
        DatasetVersionView from = datasets.get(fromId);
        DatasetVersionView to = datasets.get(toId);
        List<Row> before = rows(fromId);
        List<Row> after = rows(toId);
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

    private List<Row> rows(long versionId) {
        return jdbc.query("select id, path, image_hash, label, split, attributes, width, height from sample "
                        + "where dataset_version_id = ? order by id",
                (rs, n) -> new Row(rs.getString("image_hash"), new SampleView(rs.getLong("id"), rs.getString("path"),
                        rs.getString("label"), rs.getString("split"), Json.readStringMap(rs.getString("attributes")),
                        rs.getInt("width"), rs.getInt("height"))),
                versionId);
    }

    private record Row(String hash, SampleView view) {
    }
}
