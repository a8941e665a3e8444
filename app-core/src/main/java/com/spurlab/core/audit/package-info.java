/** Bias audits as stored with AUDIT runs and read by the API, the Audit tab and KPI targets. */
package com.spurlab.core.audit;
