/**
 * Evaluated runs as people compare them: the runs table (every evaluation with its training parameters and
 * figures), side-by-side comparisons and the run page — read in a fixed number of queries.
 */
package com.spurlab.core.results;
