/** The job queue on Quartz (JDBC store): thin Quartz jobs and the listeners that queue them. */
package com.spurlab.scheduler.queue;
