package com.spurlab.core.user;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AppUsers extends JpaRepository<AppUser, Long> {
    Optional<AppUser> findByUsername(String username);
}
