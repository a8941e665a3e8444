package com.spurlab.core.project;

import com.spurlab.core.user.Role;

/** A member of a project as its settings show them. */
public record Member(String username, String displayName, Role role) {
}
