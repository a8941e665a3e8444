/** Tests of the chart option builders. */
package com.spurlab.ui.chart;
