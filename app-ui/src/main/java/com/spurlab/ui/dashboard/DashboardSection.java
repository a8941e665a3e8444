package com.spurlab.ui.dashboard;

import com.spurlab.core.results.PilotOverview;
import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * One section of the executive dashboard. Each is a bean: the dashboard shows them in {@link #order()}, so a new step
 * type's results add a class, not edits to the dashboard. A section reads its own data with a fixed number of
 * queries (the overview is read once for all of them) and says in plain words what each figure means.
 */
public interface DashboardSection {

    /** Top to bottom: KPI cards 10, baseline vs mitigated 20, trend 30, cues 40, synthesis 45, audit 50. */
    int order();

    /** A fresh component for the project, or empty when the section has nothing to show yet. */
    Optional<Component> create(PilotOverview overview);
}
