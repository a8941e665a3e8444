package com.spurlab.core.dataset;

import com.spurlab.core.step.ArtifactType;
import com.spurlab.core.step.Step;
import com.spurlab.core.step.StepExecution;
import com.spurlab.core.step.StepOutcome;
import com.spurlab.core.step.StepResources;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * VALIDATE: an upload's validation, a job of the one queue like every step (slot, progress, log, cancel,
 * node); queued by the installation with the upload itself, never planned by leads.
 */
@Component
@Order(0)
class DatasetValidationStep implements Step<ValidationParams> {

    private final DatasetValidation validation;

    DatasetValidationStep(DatasetValidation validation) {
        this.validation = validation;
    }

    @Override
    public String type() {
        return DatasetValidation.STEP_TYPE;
    }

    @Override
    public Class<ValidationParams> parameters() {
        return ValidationParams.class;
    }

    @Override
    public String description() {
        return "Validates an uploaded archive: decodable images, labels, splits, duplicates, composition.";
    }

    @Override
    public Set<ArtifactType> needs() {
        return Set.of();
    }

    @Override
    public Set<ArtifactType> produces() {
        return Set.of();
    }

    @Override
    public boolean plannable() {
        return false;
    }

    @Override
    public StepResources resources(ValidationParams params) {
        return StepResources.CPU;
    }

    @Override
    public StepOutcome run(StepExecution<ValidationParams> execution) throws Exception {
        long versionId = execution.params().datasetVersionId();
        DatasetValidation.Outcome outcome = validation.validate(versionId, execution.progress());
        return new StepOutcome(null, "dataset version " + versionId + ": " + outcome.summary());
    }
}
