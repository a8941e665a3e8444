package com.spurlab.core.dataset;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Samples extends JpaRepository<Sample, Long> {
    List<Sample> findByDatasetVersionIdOrderById(long datasetVersionId);
}
