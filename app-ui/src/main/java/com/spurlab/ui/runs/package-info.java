/** The runs table (sort, filter, compare, clone and edit) and the run page with curves, confusion, calibration and errors. */
package com.spurlab.ui.runs;
