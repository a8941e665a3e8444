package com.spurlab.core.project;

import com.spurlab.core.user.Role;
import java.util.EnumSet;
import java.util.Set;

/** What a member may do in a project, by role (DESIGN.md "Users and what each may do"). */
public enum Capability {
    /** See that the project exists. */
    VIEW_PROJECT(EnumSet.of(Role.LEAD, Role.EXECUTIVE, Role.VENDOR)),
    /** Upload dataset versions. */
    UPLOAD(EnumSet.of(Role.LEAD, Role.VENDOR)),
    /** Read KPIs, metrics, dashboards. */
    READ_RESULTS(EnumSet.of(Role.LEAD, Role.EXECUTIVE)),
    /** Datasets, experiments, jobs, KPI targets, members. */
    MANAGE(EnumSet.of(Role.LEAD));

    private final Set<Role> roles;

    Capability(Set<Role> roles) {
        this.roles = roles;
    }

    public boolean grantedTo(Role role) {
        return roles.contains(role);
    }
}
