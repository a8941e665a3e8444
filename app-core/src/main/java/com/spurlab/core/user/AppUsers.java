package com.spurlab.core.user;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AppUsers extends JpaRepository<AppUser, Long> {
    Optional<AppUser> findByUsername(String username);

    List<AppUser> findByDemoTrue();

    boolean existsByRoleAndEnabledTrue(Role role);
}
