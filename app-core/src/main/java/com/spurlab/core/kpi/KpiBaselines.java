package com.spurlab.core.kpi;

import org.springframework.data.jpa.repository.JpaRepository;

interface KpiBaselines extends JpaRepository<KpiBaseline, Long> {
}
