package com.spurlab.core.experiment;

import com.spurlab.core.step.DeviceKind;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue's order and slots: picks the queued jobs that may start now — dependencies succeeded,
 * back-off over — by priority, then first queued first, while their device kind has a free slot and,
 * for jobs that train, a node's training engine is free. Capacity is the sum of the live nodes' slots
 * (each node has one training engine). Every node may call it; the row lock on {@code queue_lock} makes
 * the decisions one at a time, so counts hold across a cluster.
 */
@Service
public class JobDispatch {

    private static final String CANDIDATES = """
            SELECT j.id, j.device, j.dispatch_count, j.training_engine, j.message FROM job j
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
    private static final String TRAINING = """
            SELECT id FROM job WHERE training_engine = TRUE
              AND (status = 'RUNNING' OR (status = 'QUEUED' AND dispatched_at IS NOT NULL))
            ORDER BY id""";

    private final JdbcTemplate jdbc;
    private final QueueNodes nodes;
    private final Clock clock;

    JobDispatch(JdbcTemplate jdbc, QueueNodes nodes, Clock clock) {
        this.jdbc = jdbc;
        this.nodes = nodes;
        this.clock = clock;
    }

    /** A job handed to the executor: its id and which hand-over this is (each has its own executor key). */
    public record Dispatched(long jobId, int dispatchCount) {
    }

    /**
     * Marks the jobs that take the free slots as dispatched and returns them; the caller hands them
     * to the executor in the same transaction, so a job is never marked without being queued there.
     * A job that waits only for a training engine is told which job it is queued behind.
     */
    @Transactional
    public List<Dispatched> claim() {
        jdbc.queryForObject("SELECT id FROM queue_lock WHERE id = 1 FOR UPDATE", Integer.class);
        QueueNodes.Capacity capacity = nodes.capacity();
        Map<DeviceKind, Integer> free = new EnumMap<>(DeviceKind.class);
        for (DeviceKind kind : DeviceKind.values()) {
            free.put(kind, capacity.slots(kind));
        }
        jdbc.query(OCCUPIED, rs -> {
            free.merge(DeviceKind.valueOf(rs.getString(1)), -rs.getInt(2), Integer::sum);
        });
        List<Long> training = jdbc.queryForList(TRAINING, Long.class);
        int[] engines = {capacity.nodes() - training.size()};
        List<Dispatched> claimed = new ArrayList<>();
        Map<Long, String> waiting = new HashMap<>();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.query(CANDIDATES, rs -> {
            DeviceKind kind = DeviceKind.valueOf(rs.getString(2));
            boolean trains = rs.getBoolean(4);
            if (trains && engines[0] <= 0) {
                if (!training.isEmpty()) {
                    String message = "queued behind job " + training.get(0) + ": one training at a time per node";
                    if (!message.equals(rs.getString(5))) {
                        waiting.put(rs.getLong(1), message);
                    }
                }
                return;
            }
            if (free.get(kind) > 0) {
                free.merge(kind, -1, Integer::sum);
                if (trains) {
                    engines[0]--;
                }
                claimed.add(new Dispatched(rs.getLong(1), rs.getInt(3) + 1));
            }
        }, now);
        for (Dispatched job : claimed) {
            jdbc.update("UPDATE job SET dispatched_at = ?, dispatch_count = ? WHERE id = ?", now, job.dispatchCount(),
                    job.jobId());
        }
        waiting.forEach((id, message) -> jdbc.update("UPDATE job SET message = ? WHERE id = ?", message, id));
        return claimed;
    }
}
