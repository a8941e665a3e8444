package com.spurlab.core.project;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Projects extends JpaRepository<Project, Long> {

    @Query("select p from Project p where :userId member of p.memberIds order by p.name")
    List<Project> findByMember(long userId);

    Optional<Project> findByName(String name);
}
