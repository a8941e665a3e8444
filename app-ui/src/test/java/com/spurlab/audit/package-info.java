/** The AUDIT step wired into the application: planning, running, its result endpoint and who may read it. */
package com.spurlab.audit;
