/** Runs SpurLab's jobs: Quartz adapters, the experiment runner and the steps it calls. */
package com.spurlab.scheduler;
