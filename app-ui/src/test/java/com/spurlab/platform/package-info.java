/** The step platform: a step type added in test code only, artifacts along the DAG, validation as a job. */
package com.spurlab.platform;
