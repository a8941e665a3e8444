/** Runs (what a job found or made), the artifacts they pass to later steps, and evaluation metrics per split and group. */
package com.spurlab.core.run;
