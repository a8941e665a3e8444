/** Pilot KPIs: targets per project and where the evaluations stand against them. */
package com.spurlab.core.kpi;
