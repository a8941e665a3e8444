package com.spurlab.core.project;

import com.spurlab.core.NotFoundException;
import com.spurlab.core.user.CurrentUser;
import com.spurlab.core.user.SpurLabPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The one place that decides whether the caller may do something in a project. */
@Component
public class ProjectAccess {

    private final Projects projects;
    private final CurrentUser currentUser;

    ProjectAccess(Projects projects, CurrentUser currentUser) {
        this.projects = projects;
        this.currentUser = currentUser;
    }

    /**
     * Returns the caller when they are a member whose role grants the capability; else throws. A caller
     * who is no member learns nothing, not even that the project exists: the same "not found" as for a
     * missing one (a 403 would confirm which ids exist).
     */
    @Transactional(readOnly = true)
    public SpurLabPrincipal require(long projectId, Capability capability) {
        SpurLabPrincipal caller = currentUser.require();
        Project project = projects.findById(projectId).orElseThrow(() -> new NotFoundException("project", projectId));
        if (capability.needsMembership(caller.role()) && !project.hasMember(caller.id())) {
            throw new NotFoundException("project", projectId);
        }
        if (!capability.grantedTo(caller.role())) {
            throw new AccessDeniedException("role " + caller.role() + " may not " + describe(capability));
        }
        return caller;
    }

    /** Like {@link #require} for the first of the capabilities the caller holds; the last one's refusal else. */
    @Transactional(readOnly = true)
    public SpurLabPrincipal requireAny(long projectId, Capability... capabilities) {
        AccessDeniedException refused = null;
        for (Capability capability : capabilities) {
            try {
                return require(projectId, capability);
            } catch (AccessDeniedException e) {
                refused = e;
            }
        }
        throw refused == null ? new IllegalArgumentException("no capability given") : refused;
    }

    public boolean allows(long projectId, Capability capability) {
        try {
            require(projectId, capability);
            return true;
        } catch (AccessDeniedException | NotFoundException e) {
            return false;
        }
    }

    private static String describe(Capability capability) {
        return switch (capability) {
            case VIEW_PROJECT -> "see this project";
            case UPLOAD -> "upload datasets to this project";
            case READ_RESULTS -> "read this project's results";
            case MANAGE -> "manage this project's datasets and experiments";
            case SETTINGS -> "change this project's KPI targets and members";
            case OPERATE -> "run this project's job queue";
        };
    }
}
