package com.spurlab.core.experiment;

import com.spurlab.core.step.DeviceKind;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The nodes that run jobs, each with its own slots: a node announces itself at start and every
 * heartbeat, and the queue's capacity is the sum over the nodes heard of recently.
 */
@Service
public class QueueNodes {

    private final JdbcTemplate jdbc;
    private final QueueSettings settings;
    private final Clock clock;

    QueueNodes(JdbcTemplate jdbc, QueueSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** The live nodes' slots together; {@code nodes} is also the number of training engines. */
    public record Capacity(int cpu, int gpu, int nodes) {
        int slots(DeviceKind kind) {
            return kind == DeviceKind.GPU ? gpu : cpu;
        }
    }

    /** A node as the admins' queue view shows it. */
    public record NodeView(String node, int cpuSlots, int gpuSlots, String gpus, OffsetDateTime seenAt) {
    }

    /** Announces (or refreshes) this node and its slots; GPUs are what this node's engine detected. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void heartbeat(String node, int cpuSlots, int gpuSlots, String gpus) {
        OffsetDateTime now = now();
        String described = gpus == null ? "" : gpus.length() > 1000 ? gpus.substring(0, 1000) : gpus;
        int updated = jdbc.update("UPDATE queue_node SET cpu_slots = ?, gpu_slots = ?, gpus = ?, seen_at = ? WHERE node = ?",
                cpuSlots, gpuSlots, described, now, node);
        if (updated == 0) {
            jdbc.update("INSERT INTO queue_node (node, cpu_slots, gpu_slots, gpus, started_at, seen_at) VALUES (?,?,?,?,?,?)",
                    node, cpuSlots, gpuSlots, described, now, now);
        }
    }

    /** A node stopping cleanly takes its slots out at once instead of after the timeout. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void leave(String node) {
        jdbc.update("DELETE FROM queue_node WHERE node = ?", node);
    }

    @Transactional(readOnly = true)
    public Capacity capacity() {
        return jdbc.queryForObject("SELECT COALESCE(SUM(cpu_slots), 0), COALESCE(SUM(gpu_slots), 0), COUNT(*) "
                        + "FROM queue_node WHERE seen_at >= ?",
                (rs, i) -> new Capacity(rs.getInt(1), rs.getInt(2), rs.getInt(3)), liveSince());
    }

    @Transactional(readOnly = true)
    public List<NodeView> live() {
        return jdbc.query("SELECT node, cpu_slots, gpu_slots, gpus, seen_at FROM queue_node WHERE seen_at >= ? ORDER BY node",
                (rs, i) -> new NodeView(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)), liveSince());
    }

    private OffsetDateTime liveSince() {
        return now().minus(settings.nodeTimeout());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
