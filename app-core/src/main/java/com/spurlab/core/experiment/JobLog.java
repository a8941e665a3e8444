package com.spurlab.core.experiment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface JobLog extends JpaRepository<JobLogLine, Long> {
    List<JobLogLine> findByJobIdOrderById(long jobId);
}
