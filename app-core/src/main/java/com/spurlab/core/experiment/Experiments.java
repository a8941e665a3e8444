package com.spurlab.core.experiment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Experiments extends JpaRepository<Experiment, Long> {
    List<Experiment> findByProjectIdOrderByIdDesc(long projectId);
}
