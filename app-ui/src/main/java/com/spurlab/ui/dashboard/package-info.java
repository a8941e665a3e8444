/**
 * The executive dashboard ("did the pilot work?"): a panel of ordered {@link com.spurlab.ui.dashboard.DashboardSection}
 * beans (KPI cards, baseline vs mitigated groups, KPI trend, top cues, audits; a new step type adds a section),
 * refreshed by server push when the project's results change.
 */
package com.spurlab.ui.dashboard;
