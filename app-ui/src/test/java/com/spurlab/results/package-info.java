/** Runs table, comparisons and run pages over evaluations made by test-only simulated steps. */
package com.spurlab.results;
