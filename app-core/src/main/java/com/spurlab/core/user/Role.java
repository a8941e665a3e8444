package com.spurlab.core.user;

/** The four roles of DESIGN.md; a user has exactly one. */
public enum Role {
    /** Reads KPI dashboards and comparison reports of their projects. */
    EXECUTIVE,
    /** Runs experiments: everything in their projects. */
    LEAD,
    /** External data supplier: uploads to assigned projects, reads their own uploads' reports. */
    VENDOR,
    /** Operates the installation: users, roles, workers, settings. */
    ADMIN
}
