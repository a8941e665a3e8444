package com.spurlab.core.project;

import com.spurlab.core.ConflictException;
import com.spurlab.core.FieldLimits;
import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.NotFoundException;
import com.spurlab.core.user.AppUser;
import com.spurlab.core.user.CurrentUser;
import com.spurlab.core.user.Role;
import com.spurlab.core.user.SpurLabPrincipal;
import com.spurlab.core.user.UserService;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating projects, listing the ones the caller may see, and managing members. */
@Service
@Transactional(readOnly = true)
public class ProjectService {

    static final int MAX_DESCRIPTION = 2000;

    private final Projects projects;
    private final ProjectAccess access;
    private final CurrentUser currentUser;
    private final UserService users;
    private final Clock clock;

    ProjectService(Projects projects, ProjectAccess access, CurrentUser currentUser, UserService users, Clock clock) {
        this.projects = projects;
        this.access = access;
        this.currentUser = currentUser;
        this.users = users;
        this.clock = clock;
    }

    /** Leads create projects and become their first member. */
    @Transactional
    public Project create(String name, String description) {
        SpurLabPrincipal caller = currentUser.require();
        if (caller.role() != Role.LEAD) {
            throw new AccessDeniedException("only a lead creates projects");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidRequestException("invalid_name", "a project needs a name of 1-200 characters");
        }
        FieldLimits.atMost("description", description, MAX_DESCRIPTION);
        if (projects.findByName(name.strip()).isPresent()) {
            throw nameTaken(name.strip());
        }
        try {
            return projects.saveAndFlush(new Project(name.strip(), description, caller.id(), clock.instant()));
        } catch (DataIntegrityViolationException e) {
            // Created by someone else between the look-up and the insert: the unique name decides.
            throw nameTaken(name.strip());
        }
    }

    private static ConflictException nameTaken(String name) {
        return new ConflictException("name_taken", "a project named '" + name + "' already exists");
    }

    /** The projects the caller is a member of; admins operate the installation and see them all. */
    public List<Project> listVisible() {
        SpurLabPrincipal caller = currentUser.require();
        return caller.role() == Role.ADMIN ? projects.findAll() : projects.findByMember(caller.id());
    }

    public Project get(long projectId) {
        access.require(projectId, Capability.VIEW_PROJECT);
        return projects.findById(projectId).orElseThrow(() -> new NotFoundException("project", projectId));
    }

    /** A project's members with their roles, for those who keep its settings (leads, administrators). */
    public List<Member> members(long projectId) {
        access.require(projectId, Capability.SETTINGS);
        Project project = projects.findById(projectId).orElseThrow(() -> new NotFoundException("project", projectId));
        return users.findAllById(project.getMemberIds()).stream()
                .map(u -> new Member(u.getUsername(), u.getDisplayName(), u.getRole()))
                .sorted(java.util.Comparator.comparing(Member::role).thenComparing(Member::username)).toList();
    }

    /** Takes a member off the project; its last lead stays, so someone can always run it. */
    @Transactional
    public void removeMember(long projectId, String username) {
        access.require(projectId, Capability.SETTINGS);
        AppUser user = users.findByUsername(username)
                .orElseThrow(() -> new InvalidRequestException("unknown_user", "no user named '" + username + "'"));
        Project project = projects.findById(projectId).orElseThrow(() -> new NotFoundException("project", projectId));
        if (!project.hasMember(user.getId())) {
            throw new InvalidRequestException("not_a_member", username + " is not a member of this project");
        }
        if (user.getRole() == Role.LEAD && users.findAllById(project.getMemberIds()).stream()
                .filter(u -> u.getRole() == Role.LEAD).count() == 1) {
            throw new InvalidRequestException("last_lead", username + " is the project's only lead; add another "
                    + "lead before removing them");
        }
        project.removeMember(user.getId());
    }

    @Transactional
    public void addMember(long projectId, String username) {
        access.require(projectId, Capability.SETTINGS);
        AppUser user = users.findByUsername(username)
                .orElseThrow(() -> new InvalidRequestException("unknown_user", "no user named '" + username + "'"));
        if (user.getRole() == Role.ADMIN) {
            throw new InvalidRequestException("admin_not_member", "admins operate the installation; they are not project members");
        }
        projects.findById(projectId).orElseThrow().addMember(user.getId());
    }

    /** For installation seeding (the demo project): no caller to check. */
    @Transactional
    public Project createUnchecked(String name, String description, long ownerId, List<Long> memberIds) {
        Project project = new Project(name, description, ownerId, clock.instant());
        memberIds.forEach(project::addMember);
        return projects.save(project);
    }

    /** Project names by id, for views that list work across projects (callers checked their own access). */
    public java.util.Map<Long, String> names(java.util.Collection<Long> projectIds) {
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        projects.findAllById(projectIds).forEach(p -> out.put(p.getId(), p.getName()));
        return out;
    }

    public boolean exists(String name) {
        return projects.findByName(name).isPresent();
    }
}
