/**
 * The one chart component of every view ({@link com.spurlab.ui.chart.EChart}, Apache ECharts loaded from its
 * webjar at run time) and typed builders of its options: bars with intervals, lines, heat maps.
 */
package com.spurlab.ui.chart;
