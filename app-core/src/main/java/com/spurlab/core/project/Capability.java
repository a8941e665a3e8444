package com.spurlab.core.project;

import com.spurlab.core.user.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a member may do in a project, by role (DESIGN.md "Users and what each may do"). Administrators are
 * no members: they operate the installation, so in any project they may see it, keep its settings (KPI
 * targets, members) and run its queue (jobs' state and logs, cancel, retry) — never its data or results.
 */
public enum Capability {
    /** See that the project exists. */
    VIEW_PROJECT(EnumSet.of(Role.LEAD, Role.EXECUTIVE, Role.VENDOR, Role.ADMIN)),
    /** Upload dataset versions. */
    UPLOAD(EnumSet.of(Role.LEAD, Role.VENDOR)),
    /** Read KPIs, metrics, dashboards. */
    READ_RESULTS(EnumSet.of(Role.LEAD, Role.EXECUTIVE)),
    /** Datasets and experiments. */
    MANAGE(EnumSet.of(Role.LEAD)),
    /** KPI targets and members. */
    SETTINGS(EnumSet.of(Role.LEAD, Role.ADMIN)),
    /** The job queue: jobs' state and logs, cancel, retry. */
    OPERATE(EnumSet.of(Role.LEAD, Role.ADMIN));

    private final Set<Role> roles;

    Capability(Set<Role> roles) {
        this.roles = roles;
    }

    public boolean grantedTo(Role role) {
        return roles.contains(role);
    }

    /** Whether membership is needed: administrators hold their capabilities in every project. */
    boolean needsMembership(Role role) {
        return role != Role.ADMIN;
    }
}
