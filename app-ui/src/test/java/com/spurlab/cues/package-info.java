/** EXTRACT wired end to end: plans, runs, its cue endpoint and the version it derives. */
package com.spurlab.cues;
