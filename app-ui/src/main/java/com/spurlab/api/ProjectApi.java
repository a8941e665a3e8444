package com.spurlab.api;

import com.spurlab.core.kpi.KpiMetric;
import com.spurlab.core.kpi.KpiService;
import com.spurlab.core.kpi.KpiStatus;
import com.spurlab.core.project.Member;
import com.spurlab.core.project.Project;
import com.spurlab.core.project.ProjectService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Projects and their KPIs. */
@RestController
@RequestMapping("/api/v1/projects")
class ProjectApi {

    record CreateProject(String name, String description) {
    }

    record AddMember(String username) {
    }

    record NameBaseline(long evaluationRunId) {
    }

    record SetTarget(double threshold) {
    }

    record ProjectJson(long id, String name, String description, Instant createdAt) {
        static ProjectJson of(Project p) {
            return new ProjectJson(p.getId(), p.getName(), p.getDescription(), p.getCreatedAt());
        }
    }

    private final ProjectService projects;
    private final KpiService kpis;

    ProjectApi(ProjectService projects, KpiService kpis) {
        this.projects = projects;
        this.kpis = kpis;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> create(@RequestBody CreateProject body) {
        return Map.of("id", projects.create(body.name(), body.description()).getId());
    }

    @GetMapping
    List<ProjectJson> list() {
        return projects.listVisible().stream().map(ProjectJson::of).toList();
    }

    @GetMapping("/{id}")
    ProjectJson get(@PathVariable long id) {
        return ProjectJson.of(projects.get(id));
    }

    /** The members and their roles, for leads and administrators. */
    @GetMapping("/{id}/members")
    List<Member> members(@PathVariable long id) {
        return projects.members(id);
    }

    /** Leads and administrators remove a member; the last lead stays. */
    @DeleteMapping("/{id}/members/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMember(@PathVariable long id, @PathVariable String username) {
        projects.removeMember(id, username);
    }

    /** Leads and administrators add members (leads, executives, vendors) by username. */
    @PostMapping("/{id}/members")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void addMember(@PathVariable long id, @RequestBody AddMember body) {
        projects.addMember(id, body.username());
    }

    /**
     * Targets with baseline, latest and best (chosen by validation worst-group accuracy) from comparable
     * snapshots of the test split, each with its interval, and {@code status} MET / NOT_MET / UNCERTAIN.
     */
    @GetMapping("/{id}/kpis")
    List<KpiStatus> kpis(@PathVariable long id) {
        return kpis.kpis(id);
    }

    /** Leads set a KPI's target, e.g. {@code PUT .../kpis/WORST_GROUP_ACCURACY {"threshold": 0.85}}. */
    @PutMapping("/{id}/kpis/{metric}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void setTarget(@PathVariable long id, @PathVariable KpiMetric metric, @RequestBody SetTarget body) {
        kpis.setTarget(id, metric, body.threshold());
    }

    /** Leads name the evaluation run the KPIs compare against (default: the first ERM evaluation on a root version). */
    @PutMapping("/{id}/kpis/baseline")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void nameBaseline(@PathVariable long id, @RequestBody NameBaseline body) {
        kpis.setBaseline(id, body.evaluationRunId());
    }
}
