/** The AUDIT step: a model's bias audit on a split (association tests, group gaps, consistency, ODmAP@k). */
package com.spurlab.scheduler.step.audit;
