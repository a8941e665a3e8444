/**
 * The step contract: one {@link com.spurlab.core.step.Step} bean per step type, with its typed parameter
 * record, device needs and the artifacts it takes and makes; the {@link com.spurlab.core.step.StepCatalog}
 * is what the API, the OpenAPI document, the experiment form and the queue learn the step types from.
 */
package com.spurlab.core.step;
