/** The steps of an experiment: each loads its inputs from core, calls app-inference, records the result. */
package com.spurlab.scheduler.step;
