package com.spurlab.core.experiment;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Experiments extends JpaRepository<Experiment, Long> {
    List<Experiment> findByProjectIdOrderByIdDesc(long projectId);

    /** The experiment, its row locked until the transaction ends: one job at a time derives its status. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Experiment e where e.id = :id")
    Optional<Experiment> lockById(@Param("id") long id);
}
