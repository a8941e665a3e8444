package com.spurlab.core.experiment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue's order and slots: picks the queued jobs that may start now — dependencies succeeded,
 * back-off over — by priority, then first queued first, while their device kind has a free slot.
 * Every node may call it; the row lock on {@code queue_lock} makes the decisions one at a time, so
 * slot counts hold across a cluster.
 */
@Service
public class JobDispatch {

    private static final String CANDIDATES = """
            SELECT j.id, j.device, j.attempt FROM job j
            WHERE j.status = 'QUEUED' AND j.dispatched_at IS NULL AND j.cancel_requested = FALSE
              AND (j.not_before IS NULL OR j.not_before <= ?)
              AND NOT EXISTS (SELECT 1 FROM job_dependency d JOIN job p ON p.id = d.depends_on_id
                              WHERE d.job_id = j.id AND p.status <> 'SUCCEEDED')
            ORDER BY j.priority DESC, j.id ASC
            LIMIT 200""";
    private static final String OCCUPIED = """
            SELECT device, COUNT(*) FROM job
            WHERE status = 'RUNNING' OR (status = 'QUEUED' AND dispatched_at IS NOT NULL)
            GROUP BY device""";

    private final JdbcTemplate jdbc;
    private final QueueSettings settings;
    private final Clock clock;

    JobDispatch(JdbcTemplate jdbc, QueueSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** A job handed to the executor: its id and the attempt it runs as. */
    public record Dispatched(long jobId, int attempt) {
    }

    /**
     * Marks the jobs that take the free slots as dispatched and returns them; the caller hands them
     * to the executor in the same transaction, so a job is never marked without being queued there.
     */
    @Transactional
    public List<Dispatched> claim() {
        jdbc.queryForObject("SELECT id FROM queue_lock WHERE id = 1 FOR UPDATE", Integer.class);
        Map<DeviceKind, Integer> free = new EnumMap<>(DeviceKind.class);
        for (DeviceKind kind : DeviceKind.values()) {
            free.put(kind, settings.slots(kind));
        }
        jdbc.query(OCCUPIED, rs -> {
            DeviceKind kind = DeviceKind.valueOf(rs.getString(1));
            free.merge(kind, -rs.getInt(2), Integer::sum);
        });
        List<Dispatched> claimed = new ArrayList<>();
        if (free.values().stream().noneMatch(n -> n > 0)) {
            return claimed;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.query(CANDIDATES, rs -> {
            DeviceKind kind = DeviceKind.valueOf(rs.getString(2));
            if (free.get(kind) > 0) {
                free.merge(kind, -1, Integer::sum);
                claimed.add(new Dispatched(rs.getLong(1), rs.getInt(3)));
            }
        }, now);
        for (Dispatched job : claimed) {
            jdbc.update("UPDATE job SET dispatched_at = ? WHERE id = ?", now, job.jobId());
        }
        return claimed;
    }
}
