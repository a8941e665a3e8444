/** Experiments: a plan of steps over one dataset version, and the jobs that carry the steps out. */
package com.spurlab.core.experiment;
