/** SpurLab's domain: users, projects, dataset versions, experiments, jobs, runs, metrics and KPIs, with access rules. */
package com.spurlab.core;
